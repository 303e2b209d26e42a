using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>
/// A network's stored state: its spec, optimizer, steps and history as of its last checkpoint, and who may train it.
/// </summary>
[GenerateSerializer, Alias("NetOrleans.NetworkState")]
public sealed class NetworkState
{
    [Id(0)] public int Inputs { get; set; }

    [Id(1)] public LayerShape[] Layers { get; set; } = [];

    [Id(2)] public string Loss { get; set; } = "mse";

    [Id(3)] public double[] InputShift { get; set; } = [];

    [Id(4)] public double[] InputScale { get; set; } = [];

    [Id(5)] public string[]? Classes { get; set; }

    [Id(6)] public OptimizerSetup? Optimizer { get; set; }

    /// <summary>Steps taken up to the last checkpoint.</summary>
    [Id(7)] public long Steps { get; set; }

    /// <summary>Epochs up to the last checkpoint.</summary>
    [Id(8)] public List<EpochRecord> History { get; set; } = [];

    /// <summary>The last checkpoint version committed: every neuron holds a snapshot of it.</summary>
    [Id(9)] public long CheckpointVersion { get; set; }

    /// <summary>The run of a job that trains the network, or null.</summary>
    [Id(10)] public RunLease? Lease { get; set; }

    /// <summary>Grows with every new trainer of the network (and every new creation): neurons refuse an older one.</summary>
    [Id(11)] public long Fence { get; set; }

    /// <summary>The record of a network just created from <paramref name="model"/>: no steps, a newer fence than <paramref name="before"/>.</summary>
    public static NetworkState Created(ModelMessage model, OptimizerSetup optimizer, NetworkState before) => new()
    {
        Inputs = model.Inputs,
        Layers = model.Layers,
        Loss = model.Loss,
        InputShift = model.InputShift,
        InputScale = model.InputScale,
        Classes = model.Classes,
        Optimizer = optimizer,
        CheckpointVersion = before.CheckpointVersion,
        Fence = before.Fence + 1,
    };
}
