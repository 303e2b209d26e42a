using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Grains.Jobs;

/// <summary>
/// One run of a training job: it claims the network with its lease, trains epoch after epoch of mini-batches, and on
/// any fault a checkpoint mends (a lost silo, a neuron out of step, storage gone for a while) goes back to the last
/// checkpoint and carries on, so that it ends with exactly the weights of an undisturbed run, or fails saying why.
/// Plain C#: the grain gives it the network, the data, its progress and its clock, and tests drive it without a silo.
/// </summary>
internal sealed class JobRun(
    JobRequest request,
    RunLease lease,
    IRunNetwork network,
    LoadedData train,
    LoadedData? test,
    JobProgress progress,
    Func<string?> clusterFaults,
    Func<Task> save,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The most times a run goes back to a checkpoint before it gives up.</summary>
    public const int MaxRollbacks = 100;

    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(1);

    private readonly NetworkHold _hold = new(request, lease, network, progress, time, logger);
    private readonly CheckpointPolicy _checkpoints = new(TimeSpan.FromSeconds(request.CheckpointSeconds), time);
    private long _lastSave = time.GetTimestamp();

    /// <summary>Runs to the end: a fresh run claims the network as it is, a resumed one goes back to its last checkpoint.</summary>
    /// <param name="resume">true when an earlier run of this job was interrupted</param>
    /// <param name="caller">the span of whoever started the job, or default</param>
    /// <param name="stop">cancelled when the job's activation goes away: the run stops at once, and says nothing</param>
    public async Task<JobOutcome> Run(bool resume, ActivityContext caller, CancellationToken stop)
    {
        using var jobSpan = JobTelemetry.StartJob(caller, lease.JobId, request);
        var outcome = await Train(resume, jobSpan, stop);
        if (outcome.Error is { } error)
        {
            jobSpan?.SetStatus(ActivityStatusCode.Error, error);
        }

        return outcome;
    }

    private async Task<JobOutcome> Train(bool resume, Activity? jobSpan, CancellationToken stop)
    {
        try
        {
            var summary = await _hold.Claim(resume, stop);
            if (resume)
            {
                progress.RolledBack(summary.History.Skip(progress.Record.FirstEpoch), $"the job's activation was lost (with its silo, probably): run {lease.Generation} goes on from the last checkpoint");
            }
            var spec = summary.Spec;
            while (true)
            {
                try
                {
                    var cancelled = !await Epochs(spec, summary.Steps, jobSpan, stop);
                    await _hold.Release(checkpoint: cancelled);
                    return cancelled ? JobOutcome.Cancelled : JobOutcome.Completed;
                }
                catch (Exception fault) when (JobFaults.Mendable(fault) && !stop.IsCancellationRequested)
                {
                    var reason = FaultText.Describe(fault);
                    if (progress.Record.Rollbacks.Count >= MaxRollbacks)
                    {
                        return JobOutcome.Failed($"gave up after going back to a checkpoint {MaxRollbacks} times; the last fault: {reason}");
                    }

                    logger.LogWarning("job {Job}: {Reason}; going back to the last checkpoint", lease.JobId, reason);
                    summary = await _hold.Claim(resume: true, stop);
                    progress.RolledBack(summary.History.Skip(progress.Record.FirstEpoch), reason);
                    _checkpoints.Taken();
                }
            }
        }
        catch (ArithmeticException diverged)
        {
            // The network refused the step and went back to its last checkpoint: so does this job's history.
            var restored = await network.Describe();
            progress.ResumedAt(restored.History.Skip(progress.Record.FirstEpoch));
            await _hold.Release(checkpoint: false);
            return JobOutcome.Failed(diverged.Message);
        }
        catch (Exception e) when (e is StaleRunException || stop.IsCancellationRequested)
        {
            logger.LogInformation("job {Job}: {Lease} stops: {Reason}", lease.JobId, lease, e.Message);
            return JobOutcome.Superseded;
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or InvalidOperationException or TimeoutException)
        {
            return JobOutcome.Failed(e.Message);
        }
    }

    /// <summary>
    /// This job's epochs from the one after the network's last checkpoint to the last; false when cancelled first.
    /// Every batch is a step the network must be at; the training loss and accuracy are running means over the
    /// epoch's batches, each seen before its step (as Keras reports them); the test split is evaluated once per epoch.
    /// </summary>
    private async Task<bool> Epochs(NetworkSpec spec, long step, Activity? jobSpan, CancellationToken stop)
    {
        var n = train.Header.Count;
        var size = request.BatchSize;
        var batches = (n + size - 1) / size;
        var classes = train.Header.Classes is not null;
        var order = Enumerable.Range(0, n).ToArray();
        progress.Begin(batches);
        for (var e = progress.Record.Records.Count + 1; e <= request.Epochs; e++)
        {
            var epoch = progress.Record.FirstEpoch + e;
            using var epochSpan = JobTelemetry.StartEpoch(jobSpan, epoch);
            if (request.Shuffle)
            {
                order = Enumerable.Range(0, n).ToArray();
                Core.Models.SeededRandom.For(request.Seed, epoch).Shuffle(order);
            }

            var (lossSum, rows, correct) = (0.0, 0, 0);
            for (var b = 0; b < batches; b++)
            {
                if (progress.CancelRequested)
                {
                    return false;
                }

                stop.ThrowIfCancellationRequested();
                if (clusterFaults() is { } fault)
                {
                    throw new ClusterChangedException(fault);
                }

                var (x, y) = train.Batch(order, b * size, size);
                var parent = JobTelemetry.Traces(request.TraceBatches, b) ? epochSpan : null;
                BatchOutcome outcome;
                try
                {
                    outcome = await Under(parent, () => network.Step(lease, step, x, y));
                }
                catch (ArithmeticException notFinite)
                {
                    throw new ArithmeticException($"training diverged at epoch {e}, batch {b + 1}: {notFinite.Message} (try a smaller learning rate)");
                }

                step++;
                (lossSum, rows, correct) = (lossSum + outcome.Loss * outcome.Rows, rows + outcome.Rows, correct + outcome.Correct);
                progress.Trained(b + 1, outcome.Rows);
            }

            var onTest = test is null ? null : await Under(null, () => test.Evaluate(network.Predict, spec));
            var record = new EpochRecord(epoch, lossSum / rows, classes ? (double)correct / rows : null, onTest?.Loss, onTest?.Accuracy);
            var checkpoint = _checkpoints.Due(lastEpoch: e == request.Epochs);
            await network.EndEpoch(lease, record, checkpoint);
            if (checkpoint)
            {
                _checkpoints.Taken();
            }

            JobTelemetry.Evaluated(epochSpan, request.NetworkId, record);
            progress.Epoch(record);
            await SaveNowAndThen();
        }

        return true;
    }

    /// <summary>Writes the job's record at most once a second: it only keeps statistics, the network keeps the epochs.</summary>
    private async Task SaveNowAndThen()
    {
        if (time.GetElapsedTime(_lastSave) < SaveInterval)
        {
            return;
        }

        _lastSave = time.GetTimestamp();
        await save();
    }

    /// <summary>
    /// Makes a call with <paramref name="span"/> as the current span: its parent below, or, when null, no parent at
    /// all, so that untraced batches and the evaluations make no spans in the network and its neurons.
    /// </summary>
    private static async Task<T> Under<T>(Activity? span, Func<Task<T>> call)
    {
        Activity.Current = span;
        return await call();
    }
}
