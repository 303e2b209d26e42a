using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Jobs;

/// <summary>A network grain as a job's run sees it: one grain reference, two of its interfaces.</summary>
internal sealed class NetworkOfRun(INetworkGrain network) : IRunNetwork
{
    private readonly INetworkRunGrain _run = network.AsReference<INetworkRunGrain>();

    public Task<NetworkSummary> Claim(RunLease lease, bool resume) => _run.Claim(lease, resume);

    public Task<BatchOutcome> Step(RunLease lease, long step, Doubles x, Doubles y) => _run.Step(lease, step, x, y);

    public Task EndEpoch(RunLease lease, EpochRecord record, bool checkpoint) => _run.EndEpoch(lease, record, checkpoint);

    public Task<NetworkSummary> Release(RunLease lease, bool checkpoint) => _run.Release(lease, checkpoint);

    public Task<Doubles> Predict(Doubles x) => network.Predict(x);

    public Task<NetworkSummary> Describe() => network.Describe();
}
