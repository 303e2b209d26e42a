using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Training jobs: running side by side, progress, cancel, divergence and bad requests.</summary>
[Collection(ClusterCollection.Name)]
public sealed class JobTests(ClusterFixture fixture)
{
    private static NetworkModel GenderModel(long seed)
    {
        var data = BuiltInDataSets.Gender();
        return Initialization.Create(NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid") with { InputShift = data.InputShift! }, seed);
    }

    private static NetworkModel IrisModel(DataSet iris) =>
        Initialization.Create(NetworkSpec.Create([4, 5, 3], "tanh", "softmax", "cross-entropy") with { Classes = iris.Classes }, seed: 3);

    private async Task<ITrainingJobGrain> StartJob(string id, NetworkModel model, OptimizerSettings optimizer, DataSet data, int epochs, int batchSize)
    {
        await fixture.Grains.GetGrain<INetworkGrain>(id).Create(model, optimizer, replace: false, history: []);
        await DataUploader.Upload(fixture.Grains, $"{id}/data", data);
        var job = fixture.Grains.GetGrain<ITrainingJobGrain>($"{id}/job");
        await job.Start(new JobRequest(id, $"{id}/data", null, epochs, batchSize, Shuffle: batchSize > 1, Seed: 9));
        return job;
    }

    [Fact]
    public async Task Two_jobs_started_together_finish_with_exactly_what_each_gives_alone()
    {
        var gender = BuiltInDataSets.Gender();
        var iris = BuiltInDataSets.Iris();
        var sgd = new OptimizerSettings(OptimizerKind.Sgd, 0.1);
        var adam = new OptimizerSettings(OptimizerKind.Adam, 0.01);

        var first = await StartJob("together-gender", GenderModel(4), sgd, gender, epochs: 300, batchSize: 1);
        var second = await StartJob("together-iris", IrisModel(iris), adam, iris, epochs: 30, batchSize: 10);
        var results = await Task.WhenAll(TrainingHelpers.WaitUntilFinished(first), TrainingHelpers.WaitUntilFinished(second));

        Assert.All(results, r => Assert.Equal(JobState.Completed, r.State));
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "together-gender", TrainingHelpers.TrainReference(GenderModel(4), sgd, gender, 300, 1, false, 9));
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "together-iris", TrainingHelpers.TrainReference(IrisModel(iris), adam, iris, 30, 10, true, 9));
    }

    [Fact]
    public async Task A_running_jobs_progress_moves_and_cancel_stops_it_within_one_batch()
    {
        var gender = BuiltInDataSets.Gender();
        var job = await StartJob("progress-gender", GenderModel(5), new OptimizerSettings(OptimizerKind.Sgd, 0.1), gender, epochs: 1_000_000, batchSize: 1);

        var seen = new List<JobStatus>();
        var status = await job.GetStatus(0);
        while (seen.Count < 3)
        {
            status = await job.WaitForUpdate(status.Version, int.MaxValue, TimeSpan.FromSeconds(30));
            Assert.Equal(JobState.Running, status.State);
            seen.Add(status);
        }

        Assert.True(seen[^1].Epoch * seen[^1].Batches + seen[^1].Batch > seen[0].Epoch * seen[0].Batches + seen[0].Batch, "progress should move");
        var atCancel = await job.Cancel();
        var final = await TrainingHelpers.WaitUntilFinished(job);
        var steps = (await fixture.Grains.GetGrain<INetworkGrain>("progress-gender").Describe()).Steps;

        Assert.Equal(JobState.Cancelled, final.State);
        var stepsAtCancel = atCancel.Epoch * atCancel.Batches + atCancel.Batch;
        Assert.InRange(steps, stepsAtCancel, stepsAtCancel + 1);
    }

    [Fact]
    public async Task A_job_whose_loss_diverges_fails_and_says_so_and_when()
    {
        var gender = BuiltInDataSets.Gender();
        var spec = NetworkSpec.Create([2, 3, 1], "relu", "linear");
        var model = Initialization.Create(spec, seed: 1);

        var status = await TrainingHelpers.TrainWithJob(fixture.Grains, "diverging", model, new OptimizerSettings(OptimizerKind.Sgd, 1e3), gender, epochs: 100, batchSize: 1, shuffle: false, seed: 1);

        Assert.Equal(JobState.Failed, status.State);
        Assert.Matches(@"training diverged at epoch \d+, batch \d+: .*(NaN|∞|-?Infinity)", status.Error);
    }

    [Fact]
    public async Task A_job_on_data_of_the_wrong_width_is_refused_before_any_work()
    {
        var iris = BuiltInDataSets.Iris();
        await fixture.Grains.GetGrain<INetworkGrain>("wrong-width").Create(GenderModel(1), new(), replace: false, history: []);
        await DataUploader.Upload(fixture.Grains, "wrong-width/data", iris);
        var job = fixture.Grains.GetGrain<ITrainingJobGrain>("wrong-width/job");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => job.Start(new JobRequest("wrong-width", "wrong-width/data", null, 1, 1, false, 1)));

        Assert.Contains("has 4 features but network 'wrong-width' takes 2 inputs", error.Message);
        Assert.Equal(0, (await fixture.Grains.GetGrain<INetworkGrain>("wrong-width").Describe()).Steps);
    }
}
