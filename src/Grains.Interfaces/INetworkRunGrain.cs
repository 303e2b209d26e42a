using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// A network as a training job drives it (the same grain as <see cref="INetworkGrain"/>, same key). Every call carries
/// the job's <see cref="RunLease"/>: the network takes training calls from the run that claimed it last and from no
/// other (<see cref="Faults.StaleRunException"/>). Every step names the step the job expects the network to be at; a
/// network, or any of its neurons, at another step refuses it (<see cref="Faults.OutOfStepException"/>), and so does a
/// network after any failed step until it is claimed again, which takes it back to its last checkpoint.
/// </summary>
[Alias("NetOrleans.INetworkRunGrain")]
public interface INetworkRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes <paramref name="lease"/> the network's only trainer. A new run (<paramref name="resume"/> false) starts
    /// from the network as it is, which becomes a checkpoint; a resumed run (after a fault, or in a new activation of
    /// its job) goes back to the last checkpoint. Refused while another job's run that has not finished holds it.
    /// </summary>
    /// <returns>the network as the run starts from it</returns>
    [Alias("Claim")]
    Task<NetworkSummary> Claim(RunLease lease, bool resume);

    /// <summary>One training step on one batch.</summary>
    /// <param name="lease">the run</param>
    /// <param name="step">the step the run expects the network to be at</param>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <param name="y">B x n_L targets</param>
    [Alias("Step")]
    Task<BatchOutcome> Step(RunLease lease, long step, Doubles x, Doubles y);

    /// <summary>Adds an epoch to the history, which must be the next one; with <paramref name="checkpoint"/> a checkpoint follows.</summary>
    [Alias("EndEpoch")]
    Task EndEpoch(RunLease lease, EpochRecord record, bool checkpoint);

    /// <summary>The run is over: with <paramref name="checkpoint"/> the network as it is becomes a checkpoint; then it is free.</summary>
    [Alias("Release")]
    Task<NetworkSummary> Release(RunLease lease, bool checkpoint);
}
