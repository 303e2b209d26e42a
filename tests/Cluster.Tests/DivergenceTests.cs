using System.Text.RegularExpressions;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Training that diverges leaves the network at its last good checkpoint, every neuron at the same step.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class DivergenceTests(ClusterFixture fixture)
{
    private static readonly OptimizerSettings Sgd = new(OptimizerKind.Sgd, 0.1);

    [Fact]
    public async Task A_batch_one_output_neuron_refuses_puts_every_neuron_back_at_the_last_checkpoint()
    {
        // 2-3-2 with linear outputs: each output neuron steps on its own, so neuron 0 steps on the bad batch below
        // before neuron 1 refuses it (its target of -MaxValue makes its gradient -2 (y - a) overflow).
        var gender = BuiltInDataSets.Gender();
        var model = Initialization.Create(NetworkSpec.Create([2, 3, 2], "sigmoid", "linear") with { InputShift = gender.InputShift! }, seed: 5);
        var (x, y) = (gender.X, TwoColumns(gender.Y));
        var network = fixture.Grains.GetGrain<INetworkGrain>("refused-batch");
        await network.Create(model, Sgd, replace: false, history: []);
        var reference = new ReferenceNetwork(model, Sgd);
        for (var step = 0; step < 3; step++)
        {
            await network.TrainBatch(x, y);
            reference.TrainBatch(x, y);
        }

        await network.Checkpoint();
        var checkpointed = reference.Export();
        await network.TrainBatch(x, y);
        await network.TrainBatch(x, y);
        Assert.NotEqual(checkpointed.Theta[1][0], (await network.Export()).Theta[1][0]);

        var error = await Assert.ThrowsAsync<ArithmeticException>(() =>
            network.TrainBatch(new[] { 150.0, 65 }, new[] { 0.0, -double.MaxValue }));

        Assert.Contains("neuron refused-batch/2/1: the gradient of parameter", error.Message);
        Assert.EndsWith("network 'refused-batch' is back at its last checkpoint (0 epochs, 3 steps)", error.Message);
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "refused-batch", checkpointed);
        Assert.Equal(3, (await network.Describe()).Steps);

        // And it trains on from there exactly as if the steps since the checkpoint had never been taken.
        await network.TrainBatch(x, y);
        var onward = new ReferenceNetwork(checkpointed, Sgd);
        onward.TrainBatch(x, y);
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "refused-batch", onward.Export());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e9)]
    public async Task A_job_that_diverges_leaves_the_network_at_its_last_good_checkpoint(double checkpointSeconds)
    {
        // 2-3-1 relu/linear at lr 0.1 on the raw gender data: fine for a few epochs, then the weights blow up.
        var gender = BuiltInDataSets.Gender();
        var model = Initialization.Create(NetworkSpec.Create([2, 3, 1], "relu", "linear") with { InputShift = gender.InputShift! }, seed: 1);
        var id = $"diverges-{checkpointSeconds:0}";
        await fixture.Grains.GetGrain<INetworkGrain>(id).Create(model, Sgd, replace: false, history: []);
        await DataUploader.Upload(fixture.Grains, $"{id}/data", gender);
        var job = fixture.Grains.GetGrain<ITrainingJobGrain>($"{id}/job");
        await job.Start(new JobRequest(id, $"{id}/data", null, 100, 1, false, 1, CheckpointSeconds: checkpointSeconds));

        var status = await TrainingHelpers.WaitUntilFinished(job);

        Assert.Equal(JobState.Failed, status.State);
        var diverged = int.Parse(DivergedAt().Match(status.Error!).Groups[1].Value);
        Assert.True(diverged >= 3, $"the network should train for a while before it diverges: {status.Error}");

        // Checkpoints every epoch: the last good one ends the epoch before; none during the job: the start.
        var good = checkpointSeconds == 0 ? diverged - 1 : 0;
        Assert.Contains($"network '{id}' is back at its last checkpoint ({good} epoch", status.Error);
        await TrainingHelpers.AssertSameWeights(fixture.Grains, id, TrainingHelpers.TrainReference(model, Sgd, gender, good, 1, false, 1));
        var summary = await fixture.Grains.GetGrain<INetworkGrain>(id).Describe();
        Assert.Equal((good, good * gender.Count), (summary.History.Length, summary.Steps));
        Assert.Equal(good, status.Epoch);
    }

    /// <summary>The gender targets y as two columns, y and 1 - y (B x 2).</summary>
    private static double[] TwoColumns(double[] y) => y.SelectMany(v => new[] { v, 1 - v }).ToArray();

    [GeneratedRegex(@"training diverged at epoch (\d+)")]
    private static partial Regex DivergedAt();
}
