using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>A neuron at one checkpoint of its network: theta (n + 1), optimizer and moments.</summary>
[GenerateSerializer, Alias("NetOrleans.NeuronSnapshot")]
public sealed class NeuronSnapshot
{
    /// <summary>The network's checkpoint version this snapshot belongs to.</summary>
    [Id(0)] public long Version { get; set; }

    [Id(1)] public double[] Theta { get; set; } = [];

    [Id(2)] public OptimizerSetup? Optimizer { get; set; }

    [Id(3)] public long Steps { get; set; }

    [Id(4)] public double[]? M { get; set; }

    [Id(5)] public double[]? V { get; set; }
}
