namespace NetOrleans.Core.Models;

/// <summary>
/// Deterministic initial parameters from a seed: He normal, w ~ N(0, 2 / n_in), for relu layers;
/// Xavier/Glorot normal, w ~ N(0, 2 / (n_in + n_out)), otherwise. Biases start at 0.
/// Each neuron draws from its own stream keyed by (seed, layer, neuron), so the result does not depend
/// on where or in which order neurons are created.
/// </summary>
public static class Initialization
{
    /// <summary>A model of the given spec with seeded initial parameters.</summary>
    public static NetworkModel Create(NetworkSpec spec, long seed)
    {
        spec.Validate();
        var theta = new double[spec.Layers.Count][][];
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var layer = spec.Layers[l];
            var fanIn = spec.FanIn(l);
            var sigma = Activations.Activations.Find(layer.Activation) is Activations.Relu
                ? Math.Sqrt(2.0 / fanIn)
                : Math.Sqrt(2.0 / (fanIn + layer.Size));
            theta[l] = new double[layer.Size][];
            for (var j = 0; j < layer.Size; j++)
            {
                var random = SeededRandom.For(seed, l, j);
                var t = new double[fanIn + 1];
                for (var i = 0; i < fanIn; i++)
                {
                    t[i] = sigma * random.NextGaussian();
                }

                theta[l][j] = t;
            }
        }

        return new NetworkModel(spec, theta);
    }
}
