using NetOrleans.Core.Activations;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Grains.State;

/// <summary>
/// A neuron at one checkpoint of its network. A neuron stores two, in two slots (even and odd versions): a network
/// checkpoint writes every neuron's new snapshot into the slot of its version and only then commits the version in
/// the network's state, so whichever version the network committed, every neuron still holds it.
/// </summary>
[GenerateSerializer, Alias("NetOrleans.NeuronSnapshot")]
public sealed class NeuronSnapshot
{
    /// <summary>The network's checkpoint version this snapshot belongs to.</summary>
    [Id(0)] public long Version { get; set; }

    /// <summary>theta, n + 1 parameters.</summary>
    [Id(1)] public double[] Theta { get; set; } = [];

    /// <summary>The optimizer. (Id 2 held it as a copy type before; it is not used again.)</summary>
    [Id(10)] public OptimizerSettings? Optimizer { get; set; }

    /// <summary>The optimizer's t.</summary>
    [Id(3)] public long OptimizerSteps { get; set; }

    [Id(4)] public double[]? M { get; set; }

    [Id(5)] public double[]? V { get; set; }

    /// <summary>The network's step at the checkpoint.</summary>
    [Id(6)] public long Step { get; set; }

    /// <summary>The network's fence when it was written: it grows with every new trainer of the network.</summary>
    [Id(7)] public long Fence { get; set; }

    /// <summary>f. (Id 8 held its name before; it is not used again.)</summary>
    [Id(11)] public ActivationKind Activation { get; set; }

    [Id(9)] public bool ReturnsSignal { get; set; }

    /// <summary>True when it holds parameters (a record read back from storage).</summary>
    public bool IsComplete => Theta.Length > 0;
}
