using System.Diagnostics;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>
/// A server-side training run: epochs of mini-batches over a data set held in the cluster, each batch one
/// <see cref="INetworkGrain.TrainBatch"/>; after every epoch the loss (and accuracy) on the training and test splits.
/// </summary>
public sealed class TrainingJobGrain : Grain, ITrainingJobGrain
{
    private static readonly TimeSpan NotifyInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(1);

    private readonly List<EpochRecord> _records = [];
    private readonly Stopwatch _clock = new();
    private TaskCompletionSource _changed = NewSignal();
    private TimeSpan _lastNotify;
    private JobRequest? _request;
    private JobState _state = JobState.Pending;
    private int _epoch;
    private int _batch;
    private int _batches;
    private long _samples;
    private string? _error;
    private long _version;
    private bool _cancelRequested;

    private string Id => this.GetPrimaryKeyString();

    public async Task<JobStatus> Start(JobRequest request)
    {
        if (_state == JobState.Running)
        {
            throw new InvalidOperationException($"job '{Id}' is already running");
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

        var network = GrainFactory.GetGrain<INetworkGrain>(request.NetworkId);
        var summary = await network.Describe();
        var train = await Load(request.TrainSetId, summary, "training");
        var test = request.TestSetId is null ? null : await Load(request.TestSetId, summary, "test");

        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).AddJob(Id);
        _request = request;
        _records.Clear();
        _epoch = 0;
        _batch = 0;
        _batches = (train.Header.Count + request.BatchSize - 1) / request.BatchSize;
        _samples = 0;
        _error = null;
        _cancelRequested = false;
        _state = JobState.Running;
        _clock.Restart();
        this.DelayDeactivation(TimeSpan.FromDays(7));
        Changed(force: true);
        _ = Run(network, summary, train, test, TrainingTelemetry.CallerContext());
        return Status(0);
    }

    public Task<JobStatus> GetStatus(int afterEpoch)
    {
        if (_request is null)
        {
            throw new KeyNotFoundException($"job '{Id}' does not exist");
        }

        return Task.FromResult(Status(afterEpoch));
    }

    public async Task<JobStatus> WaitForUpdate(long afterVersion, int afterEpoch, TimeSpan timeout)
    {
        if (_request is null)
        {
            throw new KeyNotFoundException($"job '{Id}' does not exist");
        }

        if (_version <= afterVersion && _state is JobState.Running or JobState.Pending)
        {
            await Task.WhenAny(_changed.Task, Task.Delay(timeout));
        }

        return Status(afterEpoch);
    }

    public Task<JobStatus> Cancel()
    {
        if (_request is null)
        {
            throw new KeyNotFoundException($"job '{Id}' does not exist");
        }

        _cancelRequested = true;
        return Task.FromResult(Status(int.MaxValue));
    }

    private async Task Run(INetworkGrain network, NetworkSummary summary, LoadedData train, LoadedData? test, ActivityContext caller)
    {
        var request = _request!;
        var spec = new ModelMessage(summary.Inputs, summary.Layers, summary.Loss, [], [], summary.Classes, []).ToSpec();
        var firstEpoch = summary.History.Length;
        var lastCheckpoint = TimeSpan.Zero;
        var jobSpan = JobTelemetry.StartJob(caller, Id, request);
        try
        {
            var n = train.Header.Count;
            var order = Enumerable.Range(0, n).ToArray();
            for (var e = 1; e <= request.Epochs && !_cancelRequested; e++)
            {
                using var epochSpan = JobTelemetry.StartEpoch(jobSpan, firstEpoch + e);
                if (request.Shuffle)
                {
                    order = Enumerable.Range(0, n).ToArray();
                    SeededRandom.For(request.Seed, firstEpoch + e).Shuffle(order);
                }

                for (_batch = 0; _batch < _batches && !_cancelRequested; _batch++)
                {
                    var (x, y) = train.Batch(order, _batch * request.BatchSize, request.BatchSize);
                    var parent = JobTelemetry.Traces(request.TraceBatches, _batch) ? epochSpan : null;
                    var loss = await Under(parent, () => network.TrainBatch(x.AsImmutable(), y.AsImmutable()));
                    if (!double.IsFinite(loss))
                    {
                        throw new ArithmeticException($"the loss became {loss} at epoch {e}, batch {_batch + 1}: training diverged (try a smaller learning rate)");
                    }

                    _samples += y.Length / train.Header.Targets;
                    Changed(force: false);
                }

                if (_cancelRequested)
                {
                    break;
                }

                var record = await Under(null, () => Evaluate(network, spec, firstEpoch + e, train, test));
                JobTelemetry.Evaluated(epochSpan, request.NetworkId, record);
                await network.RecordEpoch(record);
                _records.Add(record);
                _epoch = e;
                if (e == request.Epochs || _clock.Elapsed - lastCheckpoint >= CheckpointInterval)
                {
                    await network.Checkpoint();
                    lastCheckpoint = _clock.Elapsed;
                }

                Changed(force: true);
            }

            _state = _cancelRequested ? JobState.Cancelled : JobState.Completed;
        }
        catch (Exception error)
        {
            _error = error.Message;
            _state = JobState.Failed;
            jobSpan?.SetStatus(ActivityStatusCode.Error, error.Message);
        }
        finally
        {
            jobSpan?.Dispose();
            _clock.Stop();
            Changed(force: true);
            this.DelayDeactivation(TimeSpan.FromHours(1));
        }
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

    private JobStatus Status(int afterEpoch)
    {
        var request = _request!;
        var seconds = _clock.Elapsed.TotalSeconds;
        return new JobStatus(
            Id,
            request.NetworkId,
            _state,
            _epoch,
            request.Epochs,
            _batch,
            _batches,
            seconds > 0 ? _samples / seconds : 0,
            _clock.Elapsed,
            _records.Skip(Math.Max(0, afterEpoch)).ToArray(),
            _error,
            _version);
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
