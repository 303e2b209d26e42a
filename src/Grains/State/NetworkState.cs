using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>
/// A network's stored state: its spec, optimizer, steps and history as of its last checkpoint, and who may train it.
/// </summary>
[GenerateSerializer, Alias("NetOrleans.NetworkState")]
public sealed class NetworkState
{
    /// <summary>The network's shape. (Ids 0 to 5 held its fields one by one before; they are not used again.)</summary>
    [Id(12)] public NetworkSpec? Spec { get; set; }

    [Id(13)] public OptimizerSettings? Optimizer { get; set; }

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

    /// <summary>When the network was created (or replaced).</summary>
    [Id(14)] public DateTime? CreatedAt { get; set; }

    /// <summary>When the network took its last step as of this checkpoint, or null before any.</summary>
    [Id(15)] public DateTime? LastTrainedAt { get; set; }

    /// <summary>
    /// The record of a network just created as <paramref name="spec"/>: no steps, the epochs of
    /// <paramref name="history"/> (an imported model's, or none), a newer fence than <paramref name="before"/>.
    /// </summary>
    public static NetworkState Created(NetworkSpec spec, OptimizerSettings optimizer, IReadOnlyList<EpochRecord> history, NetworkState before) => new()
    {
        Spec = spec,
        Optimizer = optimizer,
        History = [.. history],
        CheckpointVersion = before.CheckpointVersion,
        Fence = before.Fence + 1,
        CreatedAt = DateTime.UtcNow,
    };
}
