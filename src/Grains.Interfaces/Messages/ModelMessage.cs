using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>
/// A whole model on the wire: the spec and theta[layer][neuron] (n + 1 values each: w, then b); or, seeded, the spec
/// and the seed of <see cref="Initialization"/>, from which the network draws each neuron's parameters itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.ModelMessage")]
public sealed record ModelMessage(
    int Inputs,
    LayerShape[] Layers,
    string Loss,
    double[] InputShift,
    double[] InputScale,
    string[]? Classes,
    double[][][] Theta,
    long? Seed = null)
{
    public static ModelMessage From(NetworkModel model) => new(
        model.Spec.Inputs,
        model.Spec.Layers.Select(l => new LayerShape(l.Size, l.Activation)).ToArray(),
        model.Spec.Loss,
        model.Spec.InputShift,
        model.Spec.InputScale,
        model.Spec.Classes?.ToArray(),
        model.Theta);

    /// <summary>A model whose parameters the network draws from <paramref name="seed"/> (as <see cref="Initialization.Create"/>), so none cross the wire.</summary>
    public static ModelMessage Seeded(NetworkSpec spec, long seed) => From(new NetworkModel(spec, [])) with { Seed = seed };

    /// <summary>True when the parameters come from <see cref="Seed"/>, not from <see cref="Theta"/>.</summary>
    public bool IsSeeded => Seed is not null && Theta is { Length: 0 };

    public NetworkSpec ToSpec() =>
        new(Inputs, Layers.Select(l => new LayerSpec(l.Size, l.Activation)).ToArray(), Loss, InputShift, InputScale, Classes);

    /// <summary>The spec, checked: throws an <see cref="ArgumentException"/> naming the first thing wrong.</summary>
    public NetworkSpec ToCheckedSpec()
    {
        if (Layers is null || Layers.Any(l => l is null) || InputShift is null || InputScale is null)
        {
            throw new ArgumentException("the model has no layers, a null layer, or no input shift and scale");
        }

        var spec = ToSpec();
        spec.Validate();
        return spec;
    }

    /// <summary>The parameters of neuron <paramref name="j"/> of layer <paramref name="l"/> (0-based): given, or drawn from the seed.</summary>
    public double[] NeuronTheta(NetworkSpec spec, int l, int j) =>
        IsSeeded ? Initialization.Neuron(spec, Seed!.Value, l, j) : Theta[l][j];

    public NetworkModel ToModel()
    {
        if (Layers is null || Layers.Any(l => l is null) || InputShift is null || InputScale is null)
        {
            throw new ArgumentException("the model has no layers, a null layer, or no input shift and scale");
        }

        if (IsSeeded)
        {
            return Initialization.Create(ToSpec(), Seed!.Value);
        }

        if (Theta is null || Theta.Any(layer => layer is null || layer.Any(theta => theta is null)))
        {
            throw new ArgumentException("the model has no parameters for some of its neurons");
        }

        return new(ToSpec(), Theta);
    }
}
