using NetOrleans.Core.Models;
using System.Diagnostics;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Networks;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Grains;

/// <summary>
/// The network's side of a job's run (<see cref="Interfaces.INetworkRunGrain"/>): the run claims the network with its
/// lease, steps it with the step number it expects, ends epochs and releases it. Every call checks the lease and the
/// step; a step that fails leaves the network unable to step or checkpoint until it has gone back to its last checkpoint.
/// </summary>
public sealed partial class NetworkGrain
{
    public async Task<NetworkSummary> Claim(RunLease lease, bool resume)
    {
        // The stored lease and fence are the truth: an activation that missed a newer claim learns of it here.
        await stored.ReadStateAsync();
        await Leases.CheckClaim(stored.State, lease);
        stored.State.Lease = lease;
        stored.State.Fence++;
        if (resume || Progress.MustRestore is not null || _network is null)
        {
            await stored.WriteStateAsync();
            await GoBack();
        }
        else if (Progress.ChangedSinceCheckpoint)
        {
            // A new run starts from the network as it is: that is the checkpoint it would go back to.
            await Checkpoint(Existing());
        }
        else
        {
            await stored.WriteStateAsync();
        }

        return Summary();
    }

    public async Task<BatchOutcome> Step(RunLease lease, long step, Doubles x, Doubles y)
    {
        var network = Existing();
        Leases.CheckHeld(stored.State, lease);
        Progress.CheckStep(step);
        return await Train(network, x, y);
    }

    public async Task EndEpoch(RunLease lease, EpochRecord record, bool checkpoint)
    {
        var network = Existing();
        Leases.CheckHeld(stored.State, lease);
        Progress.CheckStep(Progress.Steps);
        Progress.AddEpoch(record);
        if (checkpoint)
        {
            await Checkpoint(network);
        }
    }

    public async Task<NetworkSummary> Release(RunLease lease, bool checkpoint)
    {
        var network = Existing();
        Leases.CheckHeld(stored.State, lease);
        stored.State.Lease = null;
        if (checkpoint && Progress.MustRestore is null)
        {
            await Checkpoint(network);
        }
        else
        {
            await stored.WriteStateAsync();
        }

        return Summary();
    }

    /// <summary>
    /// One step, shared by <see cref="TrainBatch"/> and <see cref="Step"/>. A step that fails leaves neurons at
    /// different steps, so the network takes no other until it has gone back to its last checkpoint: at once when
    /// training diverged (the caller learns where it is), otherwise when its trainer claims it again.
    /// </summary>
    private async Task<BatchOutcome> Train(GrainNetwork network, Doubles x, Doubles y)
    {
        var batch = NetworkMath.CheckTrainingBatch(network.Spec, x.Value, y.Value);
        await Route(network);
        var started = Stopwatch.GetTimestamp();
        using var span = NetworkTelemetry.Start(SpanNames.TrainBatch, Id, batch);
        double[] a;
        double loss;
        try
        {
            (a, loss) = await network.TrainBatch(x, y, Progress.Steps);
        }
        catch (ArithmeticException diverged)
        {
            Progress.Broken(diverged.Message);
            await GoBack();
            throw new ArithmeticException($"{diverged.Message}; {Summary().BackAtCheckpoint}");
        }
        catch (Exception fault)
        {
            // Some neurons may have stepped and others not (one came back from storage, one was lost with its silo).
            Progress.Broken($"step {Progress.Steps} failed: {fault.Message}");
            if (fault is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                throw new OutOfStepException($"network '{Id}': {Progress.MustRestore}");
            }

            throw;
        }

        Progress.Stepped();
        NetworkTelemetry.Trained(span, Id, batch, loss, started);
        var correct = network.Spec.Classes is null ? 0 : Evaluation.CorrectRows(a, y.Value, network.Spec.Outputs);
        return new BatchOutcome(loss, batch, correct);
    }

    /// <summary>Writes every neuron at the network's step, then commits the version with the network's own record.</summary>
    private async Task Checkpoint(GrainNetwork network, Action<int>? checkpointed = null)
    {
        Progress.CheckWhole();
        var version = stored.State.CheckpointVersion + 1;
        try
        {
            await network.Checkpoint(version, Progress.Steps, stored.State.Fence, checkpointed);
        }
        catch (Exception e) when (e is OutOfStepException or StaleRunException)
        {
            Progress.Broken(e.Message);
            throw;
        }

        Progress.SaveTo(stored.State);
        stored.State.CheckpointVersion = version;
        await stored.WriteStateAsync();
        Progress.Checkpointed();
    }

    /// <summary>Goes back to the stored checkpoint: the network's record and every neuron, all at its step.</summary>
    private async Task GoBack()
    {
        await stored.ReadStateAsync();
        if (!stored.RecordExists || stored.State.Spec is null)
        {
            throw new KeyNotFoundException($"network '{Id}' has no checkpoint to go back to");
        }

        Load();
        Progress.Broken("it is going back to its last checkpoint");
        await Existing().Restore(stored.State.CheckpointVersion, stored.State.Steps, stored.State.Fence);
        Progress.Whole();
    }
}
