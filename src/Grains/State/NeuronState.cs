using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>A neuron's stored state: parameters theta (n + 1) and optimizer moments, as of its last checkpoint.</summary>
[GenerateSerializer, Alias("NetOrleans.NeuronState")]
public sealed class NeuronState
{
    [Id(0)] public string Activation { get; set; } = "";

    [Id(1)] public double[] Theta { get; set; } = [];

    [Id(2)] public OptimizerSetup? Optimizer { get; set; }

    [Id(3)] public long Steps { get; set; }

    [Id(4)] public double[]? M { get; set; }

    [Id(5)] public double[]? V { get; set; }

    [Id(6)] public bool ReturnsSignal { get; set; }
}
