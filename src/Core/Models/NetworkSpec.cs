using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;

namespace NetOrleans.Core.Models;

/// <summary>
/// The shape of a network: n_0 inputs, shifted and scaled as x' = (x - shift) / scale, then layers 1..L.
/// </summary>
/// <param name="Inputs">n_0, the input width</param>
/// <param name="Layers">layer 1 .. L, the last being the output layer</param>
/// <param name="Loss">the loss</param>
/// <param name="InputShift">n_0 shifts, subtracted from raw inputs</param>
/// <param name="InputScale">n_0 scales, dividing shifted inputs</param>
/// <param name="Classes">class names of the output neurons, or null for regression</param>
public sealed record NetworkSpec(
    int Inputs,
    IReadOnlyList<LayerSpec> Layers,
    LossKind Loss,
    double[] InputShift,
    double[] InputScale,
    IReadOnlyList<string>? Classes = null)
{
    /// <summary>The most neurons one layer may have.</summary>
    public const int MaxLayerSize = 100_000;

    /// <summary>The widest input accepted.</summary>
    public const int MaxInputs = 1_000_000;

    /// <summary>n_L, the output width.</summary>
    public int Outputs => Layers[^1].Size;

    /// <summary>The fan-in of layer <paramref name="layer"/> (0-based).</summary>
    public int FanIn(int layer) => layer == 0 ? Inputs : Layers[layer - 1].Size;

    /// <summary>The layer sizes n_0, n_1, .., n_L as "2,2,1".</summary>
    public string Shape => string.Join(",", new[] { Inputs }.Concat(Layers.Select(l => l.Size)));

    /// <summary>A spec with no input scaling.</summary>
    /// <param name="sizes">n_0, n_1, .., n_L</param>
    /// <param name="hidden">the activation of layers 1 .. L-1</param>
    /// <param name="output">the activation of layer L</param>
    /// <param name="loss">the loss</param>
    public static NetworkSpec Create(IReadOnlyList<int> sizes, ActivationKind hidden, ActivationKind output, LossKind loss = LossKind.Mse)
    {
        CheckSizes(sizes);
        return Create(sizes, sizes.Skip(1).Select((n, i) => new LayerSpec(n, i == sizes.Count - 2 ? output : hidden)).ToArray(), loss);
    }

    /// <summary>
    /// As <see cref="Create(IReadOnlyList{int}, ActivationKind, ActivationKind, LossKind)"/> from the names users type
    /// ("relu", "cross-entropy"), parsed here once; an unknown name is an <see cref="ArgumentException"/> naming its layer.
    /// </summary>
    public static NetworkSpec Create(IReadOnlyList<int> sizes, string hidden, string output, string loss = "mse")
    {
        CheckSizes(sizes);
        var layers = sizes.Skip(1).Select((n, i) => LayerSpec.Parse(n, i == sizes.Count - 2 ? output : hidden, i + 1)).ToArray();
        return Create(sizes, layers, Losses.Losses.Parse(loss));
    }

    private static void CheckSizes(IReadOnlyList<int> sizes)
    {
        if (sizes.Count < 2)
        {
            throw new ArgumentException($"layers need an input width and at least one layer, got '{string.Join(",", sizes)}'");
        }
    }

    private static NetworkSpec Create(IReadOnlyList<int> sizes, LayerSpec[] layers, LossKind loss)
    {
        var inputs = Math.Max(sizes[0], 0);
        return new NetworkSpec(sizes[0], layers, loss, new double[inputs], Enumerable.Repeat(1.0, inputs).ToArray());
    }

    /// <summary>Throws an <see cref="ArgumentException"/> that names the first thing wrong.</summary>
    public void Validate()
    {
        if (Inputs < 1 || Inputs > MaxInputs)
        {
            throw new ArgumentException($"input width must be between 1 and {MaxInputs}, got {Inputs}");
        }

        if (Layers is null || Layers.Any(l => l is null) || InputShift is null || InputScale is null)
        {
            throw new ArgumentException("the model has no layers, a null layer, or no input shift and scale");
        }

        if (Layers.Count == 0)
        {
            throw new ArgumentException("a network needs at least one layer");
        }

        for (var l = 0; l < Layers.Count; l++)
        {
            var layer = Layers[l];
            if (layer.Size < 1 || layer.Size > MaxLayerSize)
            {
                throw new ArgumentException($"layer {l + 1} must have between 1 and {MaxLayerSize} neurons, got {layer.Size}");
            }

            if (!Enum.IsDefined(layer.Activation))
            {
                throw new ArgumentException($"layer {l + 1}: {Activations.Activations.UnknownMessage(layer.Activation.ToString())}");
            }

            if (layer.Activation.Function().IsLayerCoupled && l != Layers.Count - 1)
            {
                throw new ArgumentException($"layer {l + 1}: softmax is allowed on the output layer only");
            }
        }

        _ = Loss.Function();
        if (InputShift.Length != Inputs || InputScale.Length != Inputs)
        {
            throw new ArgumentException($"input shift and scale need {Inputs} values each, got {InputShift.Length} and {InputScale.Length}");
        }

        if (InputShift.Any(v => !double.IsFinite(v)) || InputScale.Any(v => !double.IsFinite(v) || v == 0))
        {
            throw new ArgumentException("input shift must be finite and input scale finite and non-zero");
        }

        if (Classes is not null && Classes.Count != Outputs && !(Classes.Count == 2 && Outputs == 1))
        {
            throw new ArgumentException($"{Classes.Count} class names for {Outputs} output neurons");
        }
    }
}
