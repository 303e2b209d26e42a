using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Jobs;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// A network for a job's run without a silo: the reference trainer behind the run's calls, with the same lease, step
/// and checkpoint rules as the network grain, and faults on chosen calls to <see cref="Step"/> (counted from 1).
/// A fault "before" refuses the step; a fault "after" takes it and then fails, as a call that timed out after it took effect.
/// </summary>
internal sealed class ReferenceRunNetwork(NetworkModel initial, OptimizerSettings optimizer) : IRunNetwork
{
    private ReferenceNetwork _live = new(initial, optimizer);
    private (NetworkModel Model, long Steps, EpochRecord[] History) _checkpoint = (initial, 0, []);
    private List<EpochRecord> _history = [];
    private long _steps;
    private int _calls;
    private bool _broken;
    private RunLease? _lease;

    public HashSet<int> FailBefore { get; } = [];

    public HashSet<int> FailAfter { get; } = [];

    /// <summary>Claims fail with a timeout this many times before one succeeds.</summary>
    public int ClaimFaults { get; set; }

    public NetworkModel Model => _live.Export();

    public IReadOnlyList<EpochRecord> History => _history;

    public Task<NetworkSummary> Claim(RunLease lease, bool resume)
    {
        if (ClaimFaults-- > 0)
        {
            throw new TimeoutException("storage did not answer");
        }

        if (_lease is { } held && held.JobId == lease.JobId && held.Generation > lease.Generation)
        {
            throw new StaleRunException($"{lease} was taken over");
        }

        _lease = lease;
        if (resume || _broken)
        {
            _live = new ReferenceNetwork(_checkpoint.Model, optimizer);
            (_steps, _history, _broken) = (_checkpoint.Steps, [.. _checkpoint.History], false);
        }

        return Task.FromResult(Summary());
    }

    public Task<BatchOutcome> Step(RunLease lease, long step, Doubles x, Doubles y)
    {
        Held(lease);
        _calls++;
        if (_broken || step != _steps || FailBefore.Contains(_calls))
        {
            _broken = true;
            throw new OutOfStepException($"step {step} refused at call {_calls}");
        }

        var loss = _live.TrainBatch(x.Value, y.Value);
        _steps++;
        if (FailAfter.Contains(_calls))
        {
            _broken = true;
            throw new TimeoutException($"call {_calls} timed out after it took effect");
        }

        return Task.FromResult(new BatchOutcome(loss, y.Length / _live.Spec.Outputs, 0));
    }

    public Task EndEpoch(RunLease lease, EpochRecord record, bool checkpoint)
    {
        Held(lease);
        _history.Add(record);
        if (checkpoint)
        {
            _checkpoint = (_live.Export(), _steps, [.. _history]);
        }

        return Task.CompletedTask;
    }

    public Task<NetworkSummary> Release(RunLease lease, bool checkpoint)
    {
        Held(lease);
        _lease = null;
        return Task.FromResult(Summary());
    }

    public Task<Doubles> Predict(Doubles x) => Task.FromResult<Doubles>(_live.Predict(x.Value));

    public Task<NetworkSummary> Describe() => Task.FromResult(Summary());

    private void Held(RunLease lease)
    {
        if (_lease != lease)
        {
            throw new StaleRunException($"held by {_lease}, not {lease}");
        }
    }

    private NetworkSummary Summary()
    {
        return new NetworkSummary("fake", initial.Spec, optimizer, _steps, [.. _history]);
    }
}
