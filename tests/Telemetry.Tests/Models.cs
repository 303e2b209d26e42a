using NetOrleans.Core.Models;

namespace NetOrleans.Telemetry.Tests;

/// <summary>The networks the telemetry tests trace.</summary>
public static class Models
{
    /// <summary>Alice's raw weight and height, and the tutorial's input shift.</summary>
    public static readonly double[] Alice = [133, 65];

    /// <summary>The tutorial's worked example: a 2-2-1 sigmoid network, every weight 1, every bias 0, inputs shifted by 135, 66.</summary>
    public static NetworkModel AllOnes()
    {
        var spec = NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid") with { InputShift = [135, 66] };
        var theta = spec.Layers.Select((layer, l) => Enumerable.Range(0, layer.Size)
            .Select(_ => Enumerable.Repeat(1.0, spec.FanIn(l)).Append(0).ToArray()).ToArray()).ToArray();
        return new NetworkModel(spec, theta);
    }

    /// <summary>An MNIST-shaped 784-64-10 network (relu, softmax, cross-entropy), seeded.</summary>
    public static NetworkModel Mnist() =>
        Initialization.Create(NetworkSpec.Create([784, 64, 10], "relu", "softmax", "cross-entropy"), seed: 3);
}
