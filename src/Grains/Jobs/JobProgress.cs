using NetOrleans.Core.Models;
using System.Diagnostics;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.State;

namespace NetOrleans.Grains.Jobs;

/// <summary>
/// A job's progress as its watchers see it: the stored record (epochs, rollbacks, state) and the live figures of the
/// run in this activation (batch, samples, time, what it waits for). Every change grows the version and wakes the
/// watchers, at most ten times a second for batches.
/// </summary>
internal sealed class JobProgress(string jobId, JobRecord record)
{
    private static readonly TimeSpan NotifyInterval = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = new();
    private TaskCompletionSource _changed = NewSignal();
    private TimeSpan _lastNotify;
    private int _batch;
    private int _batches;
    private long _samples;

    // Versions count on from the clock, so that a watcher's version from an earlier activation is already passed.
    private long _version = DateTime.UtcNow.Ticks;

    public JobRecord Record => record;

    /// <summary>What the job waits for right now, or null.</summary>
    public string? Notice { get; private set; }

    /// <summary>True once someone asked the job to stop after the batch in flight.</summary>
    public bool CancelRequested { get; private set; }

    public void RequestCancel()
    {
        CancelRequested = true;
        Changed(force: true);
    }

    /// <summary>A run starts (or resumes) in this activation, with <paramref name="batches"/> batches per epoch.</summary>
    public void Begin(int batches)
    {
        _batches = batches;
        _batch = 0;
        _clock.Start();
        Changed(force: true);
    }

    /// <summary>Batch <paramref name="batch"/> (1-based) of the current epoch is done.</summary>
    public void Trained(int batch, int rows)
    {
        _batch = batch;
        _samples += rows;
        Changed(force: false);
    }

    public void Epoch(EpochRecord epoch)
    {
        record.Records.Add(epoch);
        _batch = 0;
        Changed(force: true);
    }

    /// <summary>The run went back to a checkpoint that holds <paramref name="epochs"/>, this job's first epochs.</summary>
    public void RolledBack(IEnumerable<EpochRecord> epochs, string reason)
    {
        var kept = epochs.ToList();
        // A job whose activation was lost resumes from a record saved now and then: the network may be ahead of it.
        var at = Math.Max(record.Records.Count, kept.Count) + 1;
        record.Rollbacks.Add(new JobRollback(at, _batch, kept.Count, reason, DateTime.UtcNow));
        record.Records = kept;
        _batch = 0;
        Changed(force: true);
    }

    /// <summary>The run has this job's first <paramref name="epochs"/> epochs, as the network it resumed from holds them.</summary>
    public void ResumedAt(IEnumerable<EpochRecord> epochs)
    {
        record.Records = epochs.ToList();
        _batch = 0;
        Changed(force: true);
    }

    public void Waiting(string? notice)
    {
        if (Notice != notice)
        {
            Notice = notice;
            Changed(force: true);
        }
    }

    /// <summary>The run is over: its time and samples go into the record with its end.</summary>
    public void Finished(JobState state, string? error)
    {
        _clock.Stop();
        record.Elapsed += _clock.Elapsed;
        record.Samples += _samples;
        _clock.Reset();
        _samples = 0;
        _batch = 0;
        record.State = state;
        record.Error = error;
        Notice = null;
        Changed(force: true);
    }

    /// <summary>Waits until the version passes <paramref name="afterVersion"/> or <paramref name="timeout"/> ends.</summary>
    public async Task WaitForChange(long afterVersion, TimeSpan timeout)
    {
        if (_version <= afterVersion && record.State is JobState.Running or JobState.Pending)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(timeout));
        }
    }

    public JobStatus Status(int afterEpoch)
    {
        var request = record.Request!;
        var elapsed = record.Elapsed + _clock.Elapsed;
        var samples = record.Samples + _samples;
        var batches = _batches > 0 ? _batches : 0;
        return new JobStatus(
            jobId,
            request.NetworkId,
            record.State,
            record.Records.Count,
            request.Epochs,
            _batch,
            batches,
            elapsed.TotalSeconds > 0 ? samples / elapsed.TotalSeconds : 0,
            elapsed,
            record.Records.Skip(Math.Max(0, afterEpoch)).ToArray(),
            record.Error,
            _version,
            [.. record.Rollbacks],
            Notice,
            request);
    }

    private void Changed(bool force)
    {
        _version++;
        if (!force && _clock.Elapsed - _lastNotify < NotifyInterval)
        {
            return;
        }

        _lastNotify = _clock.Elapsed;
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
