using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A whole model on the wire: the spec and theta[layer][neuron] (n + 1 values each: w, then b).</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.ModelMessage")]
public sealed record ModelMessage(
    int Inputs,
    LayerShape[] Layers,
    string Loss,
    double[] InputShift,
    double[] InputScale,
    string[]? Classes,
    double[][][] Theta)
{
    public static ModelMessage From(NetworkModel model) => new(
        model.Spec.Inputs,
        model.Spec.Layers.Select(l => new LayerShape(l.Size, l.Activation)).ToArray(),
        model.Spec.Loss,
        model.Spec.InputShift,
        model.Spec.InputScale,
        model.Spec.Classes?.ToArray(),
        model.Theta);

    public NetworkSpec ToSpec() =>
        new(Inputs, Layers.Select(l => new LayerSpec(l.Size, l.Activation)).ToArray(), Loss, InputShift, InputScale, Classes);

    public NetworkModel ToModel()
    {
        if (Layers is null || Layers.Any(l => l is null) || InputShift is null || InputScale is null)
        {
            throw new ArgumentException("the model has no layers, a null layer, or no input shift and scale");
        }

        if (Theta is null || Theta.Any(layer => layer is null || layer.Any(theta => theta is null)))
        {
            throw new ArgumentException("the model has no parameters for some of its neurons");
        }

        return new(ToSpec(), Theta);
    }
}
