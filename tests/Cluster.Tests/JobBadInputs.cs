using NetOrleans.Core.Data;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Bad training jobs: impossible requests, data that does not fit the network, unknown ids, a job started twice.</summary>
public static class JobBadInputs
{
    public static IEnumerable<BadInput> Rows() =>
    [
        Start("start a job of 0 epochs", w => Request(w) with { Epochs = 0 }, "epochs must be between 1 and 1000000, got 0"),
        Start("start a job with batch size 0", w => Request(w) with { BatchSize = 0 }, "batch size must be at least 1, got 0"),
        Start("start a job with batch size -5", w => Request(w) with { BatchSize = -5 }, "batch size must be at least 1, got -5"),
        Start("start a job that checkpoints every -1 seconds", w => Request(w) with { CheckpointSeconds = -1 }, "checkpoint seconds must be 0 (every epoch) or more, got -1"),
        Start("start a job that checkpoints every NaN seconds", w => Request(w) with { CheckpointSeconds = double.NaN }, "checkpoint seconds must be 0 (every epoch) or more, got NaN"),
        Start("start a job on a data set of 3 features for a 2-input network", w => Request(w) with { TrainSetId = w.Scratch("wide") }, "has 3 features but network '{net}' takes 2 inputs") with
        {
            Arrange = w => DataUploader.Upload(w.Grains, w.Scratch("wide"), new DataSet("wide", [1, 2, 3], [1, 0], 3, 2, ["a", "b", "c"])),
            After = AssertNoJob,
        },
        Start("start a job whose test set has 1 target for 2 outputs", w => Request(w) with { TestSetId = w.JobNetworkId + "/data" }, "the test data 'gender' has 1 target columns but network '{net}' has 2 outputs"),
        Start("start a job on an unknown network", w => Request(w) with { NetworkId = w.Scratch("ghost") }, "network '{row}/ghost' does not exist", error: typeof(KeyNotFoundException)),
        Start("start a job on an unknown data set", w => Request(w) with { TrainSetId = w.Scratch("nothing") }, "data set '{row}/nothing' does not exist", error: typeof(KeyNotFoundException)),
        Start("start a job on a half-uploaded data set", w => Request(w) with { TrainSetId = w.Scratch("half") }, "is incomplete: 0 of 4 rows uploaded", error: typeof(InvalidOperationException)) with
        {
            Arrange = w => w.DataSet(w.Scratch("half")).Begin(new DataSetHeader("half", 4, 2, 2, ["weight", "height"], null)),
            After = AssertNoJob,
        },
        BadInput.Of<InvalidOperationException>(
            "start the world's finished job a second time",
            w => w.Job(w.JobId).Start(new JobRequest(w.JobNetworkId, w.JobNetworkId + "/data", null, 5, 1, false, 7)),
            "job '", "/jobnet/job' already exists", "Completed"),
        BadInput.Of<InvalidOperationException>(
            "start a running job a second time",
            w => w.Job(w.Scratch("long/job")).Start(new JobRequest(w.NetworkId, w.DataSetId, null, 7, 2, true, 1)),
            "job '{row}/long/job' is already running") with
        {
            Arrange = StartLongJob,
            After = CancelLongJob,
        },
        BadInput.Of<ArgumentException>(
            "watch a running job with a negative wait",
            w => w.Job(w.Scratch("long/job")).WaitForUpdate(long.MaxValue, 0, TimeSpan.FromSeconds(-5)),
            "job '{row}/long/job': the wait for an update must not be negative") with
        {
            Arrange = StartLongJob,
            After = CancelLongJob,
        },
        UnknownJob("status of an unknown job", j => j.GetStatus(0)),
        UnknownJob("cancel an unknown job", j => j.Cancel()),
        UnknownJob("watch an unknown job (answered at once, not after the 30 s wait)", j => j.WaitForUpdate(0, 0, TimeSpan.FromSeconds(30))),
    ];

    /// <summary>A request that would be fine: the world's network on the world's data set.</summary>
    private static JobRequest Request(BadInputWorld w) => new(w.NetworkId, w.DataSetId, null, 2, 2, true, 1);

    /// <summary>Starting job "job" of the row with <paramref name="request"/> fails; no job exists afterwards.</summary>
    private static BadInput Start(string name, Func<BadInputWorld, JobRequest> request, string fragment, Type? error = null) =>
        new(name, error ?? typeof(ArgumentException), [fragment], w => w.Job(w.Scratch("job")).Start(request(w))) { After = AssertNoJob };

    private static BadInput UnknownJob(string name, Func<Grains.Interfaces.ITrainingJobGrain, Task> call) =>
        BadInput.Of<KeyNotFoundException>(name, w => call(w.Job(w.Scratch("job"))), "job '{row}/job' does not exist") with { After = AssertNoJob };

    /// <summary>Job "long/job" of the row: a million epochs on the row's own network, running.</summary>
    private static async Task StartLongJob(BadInputWorld w)
    {
        await w.Network(w.Scratch("long")).Create(BadInputWorld.SmallModel(), BadInputWorld.Sgd, replace: false, history: []);
        await DataUploader.Upload(w.Grains, w.Scratch("long/data"), BuiltInDataSets.Gender());
        await w.Job(w.Scratch("long/job")).Start(new JobRequest(w.Scratch("long"), w.Scratch("long/data"), null, 1_000_000, 1, false, 3));
    }

    /// <summary>The running job goes on with its own request, and stops when cancelled.</summary>
    private static async Task CancelLongJob(BadInputWorld w)
    {
        var job = w.Job(w.Scratch("long/job"));
        var status = await job.GetStatus(0);
        Assert.Equal((JobState.Running, 1_000_000, w.Scratch("long")), (status.State, status.Epochs, status.NetworkId));
        await job.Cancel();
        Assert.Equal(JobState.Cancelled, (await TrainingHelpers.WaitUntilFinished(job)).State);
    }

    private static async Task AssertNoJob(BadInputWorld w)
    {
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => w.Job(w.Scratch("job")).GetStatus(0));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

}
