using Microsoft.Extensions.Logging;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Jobs;
using NetOrleans.Grains.State;
using NetOrleans.Grains.Telemetry;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>
/// A training job: it stores the request and the progress, and runs one <see cref="JobRun"/> at a time, which belongs
/// to this activation: it stops when the activation goes, and the next activation resumes the job with a new run
/// (a new lease the network goes by). A reminder wakes the job on another silo when its own was lost.
/// This file: the calls a client makes; TrainingJobGrain.Run.cs: starting, resuming and finishing a run.
/// </summary>
public sealed partial class TrainingJobGrain(
    [PersistentState("job", StorageNames.Store)] IPersistentState<JobRecord> stored,
    IClusterMembershipService membership,
    ILogger<TrainingJobGrain> logger) : Grain, ITrainingJobGrain, IRemindable
{
    private const string ReviveReminder = "revive";
    private static readonly TimeSpan RevivePeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private JobProgress? _progress;
    private Task? _run;

    private string Id => this.GetPrimaryKeyString();

    private JobProgress Progress => _progress ??= new JobProgress(Id, stored.State);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.State.State == JobState.Running)
        {
            // This job was running in an activation that is gone: carry on from the network's last checkpoint.
            this.RegisterGrainTimer(() => Resume(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The run belongs to this activation: it stops here, and a newer activation's run fences it off in any case.
        await _stop.CancelAsync();
        if (_run is { } run)
        {
            await Task.WhenAny(run, Task.Delay(StopWait, CancellationToken.None));
        }
    }

    public async Task<JobStatus> Start(JobRequest request)
    {
        if (stored.State.State == JobState.Running)
        {
            throw new InvalidOperationException($"job '{Id}' is already running");
        }

        if (stored.State.Request is not null)
        {
            throw new InvalidOperationException($"job '{Id}' already exists ({stored.State.State}); a job runs once: start a new job with a new id");
        }

        request.Validate();
        var network = GrainFactory.GetGrain<INetworkGrain>(request.NetworkId);
        var summary = await network.Describe();
        var train = await Load(request.TrainSetId, summary, "training");
        var test = request.TestSetId is null ? null : await Load(request.TestSetId, summary, "test");

        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).AddJob(Id);
        stored.State = new JobRecord { Request = request, State = JobState.Running, FirstEpoch = summary.History.Length, Generation = 1 };
        _progress = null;
        await stored.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReviveReminder, RevivePeriod, RevivePeriod);
        StartRun(resume: false, train, test, TrainingTelemetry.CallerContext());
        return Progress.Status(0);
    }

    public Task<JobStatus> GetStatus(int afterEpoch)
    {
        Existing();
        return Task.FromResult(Progress.Status(afterEpoch));
    }

    public async Task<JobStatus> WaitForUpdate(long afterVersion, int afterEpoch, TimeSpan timeout)
    {
        Existing();
        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentException($"job '{Id}': the wait for an update must not be negative, got {timeout}");
        }

        await Progress.WaitForChange(afterVersion, timeout < MaxWait ? timeout : MaxWait);
        return Progress.Status(afterEpoch);
    }

    public Task<JobStatus> Cancel()
    {
        Existing();
        Progress.RequestCancel();
        return Task.FromResult(Progress.Status(int.MaxValue));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (stored.State.State != JobState.Running)
        {
            if (await this.GetReminder(ReviveReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        await Resume();
    }

    private JobRequest Existing() => stored.State.Request ?? throw new KeyNotFoundException($"job '{Id}' does not exist");
}
