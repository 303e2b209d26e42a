using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Jobs;

/// <summary>
/// What a job's run needs of its network: the run's calls (<see cref="Interfaces.INetworkRunGrain"/>) and the two
/// reads. The grain implements it through <see cref="NetworkOfRun"/>; tests give a run a network without a silo.
/// </summary>
internal interface IRunNetwork
{
    Task<NetworkSummary> Claim(RunLease lease, bool resume);

    Task<BatchOutcome> Step(RunLease lease, long step, Doubles x, Doubles y);

    Task EndEpoch(RunLease lease, EpochRecord record, bool checkpoint);

    Task<NetworkSummary> Release(RunLease lease, bool checkpoint);

    /// <summary>B x n_L outputs for B x n_0 raw inputs.</summary>
    Task<Doubles> Predict(Doubles x);

    Task<NetworkSummary> Describe();
}
