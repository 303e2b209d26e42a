namespace NetOrleans.Core.Models;

/// <summary>A network's spec and its parameters.</summary>
/// <param name="Spec">the shape</param>
/// <param name="Theta">[layer][neuron] -> n + 1 parameters [w_0 .. w_{n-1}, b], n the layer's fan-in</param>
public sealed record NetworkModel(NetworkSpec Spec, double[][][] Theta)
{
    /// <summary>Throws an <see cref="ArgumentException"/> when the parameters do not fit the spec or are not finite.</summary>
    public void Validate()
    {
        Spec.Validate();
        if (Theta is null || Theta.Any(layer => layer is null || layer.Any(theta => theta is null)))
        {
            throw new ArgumentException("the model has no parameters for some of its neurons");
        }

        if (Theta.Length != Spec.Layers.Count)
        {
            throw new ArgumentException($"{Theta.Length} layers of parameters for {Spec.Layers.Count} layers");
        }

        for (var l = 0; l < Theta.Length; l++)
        {
            if (Theta[l].Length != Spec.Layers[l].Size)
            {
                throw new ArgumentException($"layer {l + 1} has {Theta[l].Length} neurons, expected {Spec.Layers[l].Size}");
            }

            var fanIn = Spec.FanIn(l);
            for (var j = 0; j < Theta[l].Length; j++)
            {
                var theta = Theta[l][j];
                if (theta.Length != fanIn + 1)
                {
                    throw new ArgumentException($"layer {l + 1} neuron {j} has {theta.Length - 1} weights, expected {fanIn}");
                }

                if (theta.Any(v => !double.IsFinite(v)))
                {
                    throw new ArgumentException($"layer {l + 1} neuron {j} has a weight or bias that is not a finite number");
                }
            }
        }
    }
}
