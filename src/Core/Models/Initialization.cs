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
            theta[l] = new double[spec.Layers[l].Size][];
            for (var j = 0; j < theta[l].Length; j++)
            {
                theta[l][j] = Neuron(spec, seed, l, j);
            }
        }

        return new NetworkModel(spec, theta);
    }

    /// <summary>The initial n + 1 parameters of neuron <paramref name="j"/> of layer <paramref name="l"/> (0-based), from its own stream.</summary>
    public static double[] Neuron(NetworkSpec spec, long seed, int l, int j)
    {
        var layer = spec.Layers[l];
        var fanIn = spec.FanIn(l);
        var sigma = layer.Activation == Activations.ActivationKind.Relu
            ? Math.Sqrt(2.0 / fanIn)
            : Math.Sqrt(2.0 / (fanIn + layer.Size));
        var random = SeededRandom.For(seed, l, j);
        var t = new double[fanIn + 1];
        for (var i = 0; i < fanIn; i++)
        {
            t[i] = sigma * random.NextGaussian();
        }

        return t;
    }
}
