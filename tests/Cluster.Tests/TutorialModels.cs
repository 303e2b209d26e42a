using NetOrleans.Core.Models;

namespace NetOrleans.Cluster.Tests;

/// <summary>The tutorial's networks as models.</summary>
public static class TutorialModels
{
    /// <summary>A network whose every neuron has the same weights w and bias b.</summary>
    /// <param name="sizes">n_0, n_1, .., n_L</param>
    public static NetworkModel Uniform(int[] sizes, double w, double b, string hidden = "sigmoid", string output = "sigmoid", double[]? shift = null)
    {
        var spec = NetworkSpec.Create(sizes, hidden, output);
        if (shift is not null)
        {
            spec = spec with { InputShift = shift };
        }

        var theta = spec.Layers.Select((layer, l) => Enumerable.Range(0, layer.Size)
            .Select(_ => Enumerable.Repeat(w, spec.FanIn(l)).Append(b).ToArray()).ToArray()).ToArray();
        return new NetworkModel(spec, theta);
    }

    /// <summary>Every neuron w = [0, 1] and b as given: the tutorial's first examples.</summary>
    public static NetworkModel ZeroOne(int[] sizes, double b)
    {
        var model = Uniform(sizes, 0, b);
        foreach (var layer in model.Theta)
        {
            foreach (var t in layer)
            {
                t[1] = 1;
            }
        }

        return model;
    }
}
