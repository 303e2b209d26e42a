using Microsoft.Extensions.Logging;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Jobs;
using Orleans.Storage;

namespace NetOrleans.Grains;

/// <summary>A training job's run: started, resumed in a new activation, and its end written down.</summary>
public sealed partial class TrainingJobGrain
{
    /// <summary>Resumes the job with a new run, unless one runs in this activation.</summary>
    private async Task Resume()
    {
        if (_run is { IsCompleted: false } || stored.State.State != JobState.Running)
        {
            return;
        }

        var request = Existing();
        try
        {
            // A new run, written down first: if another activation wrote one meanwhile, this write fails and it runs instead.
            stored.State.Generation++;
            await stored.WriteStateAsync();
            var summary = await GrainFactory.GetGrain<INetworkGrain>(request.NetworkId).Describe();
            var train = await Load(request.TrainSetId, summary, "training");
            var test = request.TestSetId is null ? null : await Load(request.TestSetId, summary, "test");
            StartRun(resume: true, train, test, default);
        }
        catch (Exception error)
        {
            logger.LogWarning("job {Job} could not resume yet ({Error}); the next reminder tries again", Id, FaultText.Describe(error));
        }
    }

    private void StartRun(bool resume, LoadedData train, LoadedData? test, System.Diagnostics.ActivityContext caller)
    {
        var request = Existing();
        var lease = new RunLease(Id, stored.State.Generation);
        var watch = new ClusterWatch(membership);
        var run = new JobRun(
            request, lease, new NetworkOfRun(GrainFactory.GetGrain<INetworkGrain>(request.NetworkId)),
            train, test, Progress, watch.NewlyDead, () => stored.WriteStateAsync(), TimeProvider.System, logger);
        this.DelayDeactivation(TimeSpan.FromDays(7));
        _run = Finish(run.Run(resume, caller, _stop.Token));
    }

    /// <summary>Writes how the run ended; a run that a newer one took over writes nothing.</summary>
    private async Task Finish(Task<JobOutcome> running)
    {
        JobOutcome outcome;
        try
        {
            outcome = await running;
        }
        catch (Exception e)
        {
            outcome = JobOutcome.Failed(FaultText.Describe(e));
        }

        if (outcome.State is not { } state || _stop.IsCancellationRequested)
        {
            return;
        }

        Progress.Finished(state, outcome.Error);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(Existing().StorageTimeoutSeconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await stored.WriteStateAsync();
                break;
            }
            catch (Exception e) when (e is not InconsistentStateException && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("job {Job}: cannot write its end yet ({Error})", Id, FaultText.Describe(e));
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * attempt, 2000)));
            }
            catch (Exception e)
            {
                logger.LogError("job {Job}: its end ({State}) could not be written: {Error}", Id, state, FaultText.Describe(e));
                break;
            }
        }

        this.DelayDeactivation(TimeSpan.FromHours(1));
    }

    private async Task<LoadedData> Load(string dataSetId, NetworkSummary network, string role)
    {
        var manifest = await GrainFactory.GetGrain<IDataSetGrain>(dataSetId).GetManifest();
        var header = manifest.Header;
        var outputs = network.Layers[^1].Size;
        if (header.Features != network.Inputs)
        {
            throw new ArgumentException($"the {role} data '{header.Name}' has {header.Features} features but network '{network.Id}' takes {network.Inputs} inputs");
        }

        if (header.Targets != outputs)
        {
            throw new ArgumentException($"the {role} data '{header.Name}' has {header.Targets} target columns but network '{network.Id}' has {outputs} outputs");
        }

        return await LoadedData.Read(GrainFactory, manifest);
    }
}
