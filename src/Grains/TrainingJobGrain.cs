using System.Diagnostics;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using NetOrleans.Grains.State;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>
/// A server-side training run: epochs of mini-batches over a data set held in the cluster, each batch one
/// <see cref="INetworkGrain.TrainBatch"/>; after every epoch the loss (and accuracy) on the training and test splits.
/// </summary>
public sealed class TrainingJobGrain(
    [PersistentState("job", StorageNames.Store)] IPersistentState<JobRecord> stored,
    ILogger<TrainingJobGrain> logger) : Grain, ITrainingJobGrain, IRemindable
{
    private const string ReviveReminder = "revive";
    private const int MaxRecoveries = 20;
    private static readonly TimeSpan NotifyInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RevivePeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecordInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private readonly Stopwatch _clock = new();
    private TaskCompletionSource _changed = NewSignal();
    private TimeSpan _lastNotify;
    private int _batch;
    private int _batches;
    private long _samples;
    private long _version;
    private bool _cancelRequested;
    private bool _running;

    private string Id => this.GetPrimaryKeyString();

    private JobRecord Job => stored.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Versions count on from the clock, so that a watcher's version from an earlier activation is already passed.
        _version = DateTime.UtcNow.Ticks;
        if (Job.State == JobState.Running)
        {
            // This job was running on a silo that is gone: carry on from the network's last checkpoint.
            this.RegisterGrainTimer(_ => Resume(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public async Task<JobStatus> Start(JobRequest request)
    {
        if (_running || Job.State == JobState.Running)
        {
            throw new InvalidOperationException($"job '{Id}' is already running");
        }

        if (Job.Request is not null)
        {
            throw new InvalidOperationException($"job '{Id}' already exists ({Job.State}); a job runs once: start a new job with a new id");
        }

        if (request.Epochs < 1 || request.Epochs > 1_000_000)
        {
            throw new ArgumentException($"epochs must be between 1 and 1000000, got {request.Epochs}");
        }

        if (request.BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be at least 1, got {request.BatchSize}");
        }

        if (request.TraceBatches < 0)
        {
            throw new ArgumentException($"trace batches must be 0 (the first of every epoch) or N >= 1 (every Nth), got {request.TraceBatches}");
        }

        if (!double.IsFinite(request.CheckpointSeconds) || request.CheckpointSeconds < 0)
        {
            throw new ArgumentException($"checkpoint seconds must be 0 (every epoch) or more, got {request.CheckpointSeconds}");
        }

        var network = GrainFactory.GetGrain<INetworkGrain>(request.NetworkId);
        var summary = await network.Describe();
        var train = await Load(request.TrainSetId, summary, "training");
        var test = request.TestSetId is null ? null : await Load(request.TestSetId, summary, "test");

        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).AddJob(Id);
        stored.State = new JobRecord { Request = request, State = JobState.Running, FirstEpoch = summary.History.Length };
        await stored.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReviveReminder, RevivePeriod, RevivePeriod);
        Begin(train.Header.Count, request);
        _ = Run(network, summary, train, test, TrainingTelemetry.CallerContext());
        return Status(0);
    }

    public Task<JobStatus> GetStatus(int afterEpoch) => Task.FromResult(Status(afterEpoch));

    public async Task<JobStatus> WaitForUpdate(long afterVersion, int afterEpoch, TimeSpan timeout)
    {
        _ = Existing();
        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentException($"job '{Id}': the wait for an update must not be negative, got {timeout}");
        }

        if (_version <= afterVersion && Job.State is JobState.Running or JobState.Pending)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(timeout < MaxWait ? timeout : MaxWait));
        }

        return Status(afterEpoch);
    }

    public Task<JobStatus> Cancel()
    {
        _ = Existing();
        _cancelRequested = true;
        return Task.FromResult(Status(int.MaxValue));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Job.State != JobState.Running)
        {
            if (await this.GetReminder(ReviveReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        await Resume();
    }

    /// <summary>Restarts the run from the network's last checkpoint, unless it is running in this activation.</summary>
    private async Task Resume()
    {
        if (_running || Job.State != JobState.Running)
        {
            return;
        }

        var request = Existing();
        _running = true;
        try
        {
            var network = GrainFactory.GetGrain<INetworkGrain>(request.NetworkId);
            var summary = await Recover(network);
            var train = await Load(request.TrainSetId, summary, "training");
            var test = request.TestSetId is null ? null : await Load(request.TestSetId, summary, "test");
            Begin(train.Header.Count, request);
            _ = Run(network, summary, train, test, default);
        }
        catch (Exception error)
        {
            _running = false;
            logger.LogWarning(error, "job {Job} could not resume yet; the next reminder tries again", Id);
        }
    }

    private void Begin(int samples, JobRequest request)
    {
        _running = true;
        _batch = 0;
        _batches = (samples + request.BatchSize - 1) / request.BatchSize;
        _samples = 0;
        _cancelRequested = false;
        _clock.Restart();
        this.DelayDeactivation(TimeSpan.FromDays(7));
        Changed(force: true);
    }

    private async Task Run(INetworkGrain network, NetworkSummary summary, LoadedData train, LoadedData? test, ActivityContext caller)
    {
        var request = Job.Request!;
        var spec = new ModelMessage(summary.Inputs, summary.Layers, summary.Loss, [], [], summary.Classes, []).ToSpec();
        var jobSpan = JobTelemetry.StartJob(caller, Id, request);
        try
        {
            while (true)
            {
                try
                {
                    await Train(network, spec, train, test, jobSpan);
                    break;
                }
                catch (Exception error) when (error is not (ArgumentException or ArithmeticException) && Job.Recoveries < MaxRecoveries)
                {
                    // A silo was lost (or a neuron came back without its pass): go back to the last checkpoint.
                    logger.LogWarning("job {Job}: {Error}; going back to the last checkpoint", Id, error.Message);
                    await Recover(network);
                }
            }

            Job.State = _cancelRequested ? JobState.Cancelled : JobState.Completed;
        }
        catch (ArithmeticException diverged)
        {
            // The network went back to its last checkpoint when it refused the step; so does this job's history.
            var restored = await network.Describe();
            Job.Records = restored.History.Skip(Job.FirstEpoch).ToList();
            Job.Error = diverged.Message;
            Job.State = JobState.Failed;
            jobSpan?.SetStatus(ActivityStatusCode.Error, Job.Error);
        }
        catch (Exception error)
        {
            Job.Error = error.Message;
            Job.State = JobState.Failed;
            jobSpan?.SetStatus(ActivityStatusCode.Error, error.Message);
        }
        finally
        {
            jobSpan?.Dispose();
            _clock.Stop();
            Job.Elapsed += _clock.Elapsed;
            Job.Samples += _samples;
            _clock.Reset();
            _samples = 0;
            _running = false;
            await stored.WriteStateAsync();
            Changed(force: true);
            this.DelayDeactivation(TimeSpan.FromHours(1));
        }
    }

    /// <summary>
    /// Epochs from the one after the last checkpoint to the last; an epoch ends in a checkpoint when the request's
    /// checkpoint interval has passed since the last one (0: every epoch), and so does the job. The job's own record
    /// is written at most once a second, and when it ends.
    /// </summary>
    private async Task Train(INetworkGrain network, NetworkSpec spec, LoadedData train, LoadedData? test, Activity? jobSpan)
    {
        var request = Job.Request!;
        var n = train.Header.Count;
        var order = Enumerable.Range(0, n).ToArray();
        var lastCheckpoint = _clock.Elapsed;
        var lastWrite = _clock.Elapsed;
        for (var e = Job.Records.Count + 1; e <= request.Epochs && !_cancelRequested; e++)
        {
            var epoch = Job.FirstEpoch + e;
            using var epochSpan = JobTelemetry.StartEpoch(jobSpan, epoch);
            if (request.Shuffle)
            {
                order = Enumerable.Range(0, n).ToArray();
                SeededRandom.For(request.Seed, epoch).Shuffle(order);
            }

            for (_batch = 0; _batch < _batches && !_cancelRequested; _batch++)
            {
                var (x, y) = train.Batch(order, _batch * request.BatchSize, request.BatchSize);
                var parent = JobTelemetry.Traces(request.TraceBatches, _batch) ? epochSpan : null;
                try
                {
                    await Under(parent, () => network.TrainBatch(x.AsImmutable(), y.AsImmutable()));
                }
                catch (ArithmeticException notFinite)
                {
                    // The network refuses a batch whose loss or gradients are not finite, and goes back to its last checkpoint.
                    throw new ArithmeticException($"training diverged at epoch {e}, batch {_batch + 1}: {notFinite.Message} (try a smaller learning rate)");
                }

                _samples += y.Length / train.Header.Targets;
                Changed(force: false);
            }

            if (_cancelRequested)
            {
                break;
            }

            var record = await Under(null, () => Evaluate(network, spec, epoch, train, test));
            if (!double.IsFinite(record.TrainLoss))
            {
                // Weights that overflow on the training data are no checkpoint to keep.
                var restored = await network.Restore();
                throw new ArithmeticException($"training diverged at epoch {e}: the loss on the training data became {record.TrainLoss}; {restored.BackAtCheckpoint} (try a smaller learning rate)");
            }

            JobTelemetry.Evaluated(epochSpan, request.NetworkId, record);
            await network.RecordEpoch(record);
            Job.Records.Add(record);
            _batch = 0;
            if (e == request.Epochs || _clock.Elapsed - lastCheckpoint >= TimeSpan.FromSeconds(request.CheckpointSeconds))
            {
                await network.Checkpoint();
                lastCheckpoint = _clock.Elapsed;
            }

            if (_clock.Elapsed - lastWrite >= RecordInterval)
            {
                // The job's own record only keeps its statistics: a resumed job takes its epochs from the network.
                await stored.WriteStateAsync();
                lastWrite = _clock.Elapsed;
            }

            Changed(force: true);
        }
    }

    /// <summary>
    /// Puts the network back at its last checkpoint and this job at the epoch of that checkpoint. Retries while the
    /// cluster settles (calls to a lost silo's grains fail until membership has declared it dead).
    /// </summary>
    private async Task<NetworkSummary> Recover(INetworkGrain network)
    {
        Job.Recoveries++;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var summary = await network.Restore();
                Job.Records = summary.History.Skip(Job.FirstEpoch).ToList();
                _batch = 0;
                Changed(force: true);
                return summary;
            }
            catch (Exception error) when (error is not (ArgumentException or KeyNotFoundException) && attempt < MaxRecoveries)
            {
                logger.LogWarning("job {Job}: cannot restore network {Network} yet ({Error})", Id, Job.Request!.NetworkId, error.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }

    private static async Task<EpochRecord> Evaluate(INetworkGrain network, NetworkSpec spec, int epoch, LoadedData train, LoadedData? test)
    {
        var onTrain = await train.Evaluate(network, spec);
        var onTest = test is null ? null : await test.Evaluate(network, spec);
        return new EpochRecord(epoch, onTrain.Loss, onTrain.Accuracy, onTest?.Loss, onTest?.Accuracy);
    }

    private async Task<LoadedData> Load(string dataSetId, NetworkSummary network, string role)
    {
        var set = GrainFactory.GetGrain<IDataSetGrain>(dataSetId);
        var header = await set.GetHeader();
        var outputs = network.Layers[^1].Size;
        if (header.Features != network.Inputs)
        {
            throw new ArgumentException($"the {role} data '{header.Name}' has {header.Features} features but network '{network.Id}' takes {network.Inputs} inputs");
        }

        if (header.Targets != outputs)
        {
            throw new ArgumentException($"the {role} data '{header.Name}' has {header.Targets} target columns but network '{network.Id}' has {outputs} outputs");
        }

        return await LoadedData.Read(set, header);
    }

    private JobRequest Existing() => Job.Request ?? throw new KeyNotFoundException($"job '{Id}' does not exist");

    private JobStatus Status(int afterEpoch)
    {
        var request = Existing();
        var elapsed = Job.Elapsed + _clock.Elapsed;
        var samples = Job.Samples + _samples;
        return new JobStatus(
            Id,
            request.NetworkId,
            Job.State,
            Job.Records.Count,
            request.Epochs,
            _batch,
            _batches,
            elapsed.TotalSeconds > 0 ? samples / elapsed.TotalSeconds : 0,
            elapsed,
            Job.Records.Skip(Math.Max(0, afterEpoch)).ToArray(),
            Job.Error,
            _version,
            Job.Recoveries);
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
