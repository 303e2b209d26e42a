using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using Orleans.Core.Internal;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// What a lost silo does to the grains that survive it, done on purpose on one silo: Orleans deactivates grains whose
/// directory entries were lost (reason DirectoryFailure) and they come back from storage at their next call. A job
/// whose own activation, one of whose neurons, or whose network is deactivated mid-run must end with exactly the
/// weights of an undisturbed run, and say in its history that it went back to a checkpoint.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LostActivationTests(ClusterFixture fixture)
{
    private const int Epochs = 400;
    private const int BatchSize = 8;
    private const long Seed = 11;
    private static readonly OptimizerSettings Adam = new(OptimizerKind.Adam, 0.01);

    /// <summary>The job's epochs at which a grain is deactivated (three times, at awkward and ordinary moments).</summary>
    private static readonly int[] Moments = [3, 20, 45];

    public static TheoryData<string> Victims => ["job", "neuron", "network"];

    [Theory]
    [MemberData(nameof(Victims))]
    public async Task A_grain_deactivated_mid_job_changes_nothing_in_the_weights(string victim)
    {
        var iris = BuiltInDataSets.Iris();
        var (shift, scale) = Scaling.Fit(iris, "standard");
        var model = Initialization.Create(NetworkSpec.Create([4, 16, 3], "relu", "softmax", "cross-entropy") with { InputShift = shift, InputScale = scale, Classes = iris.Classes }, seed: 7);
        var id = $"lost-{victim}";
        await fixture.Grains.GetGrain<INetworkGrain>(id).Create(model, Adam, replace: false, history: []);
        await DataUploader.Upload(fixture.Grains, $"{id}/data", iris);
        var job = fixture.Grains.GetGrain<ITrainingJobGrain>($"{id}/job");
        var status = await job.Start(new JobRequest(id, $"{id}/data", null, Epochs, BatchSize, Shuffle: true, Seed: Seed, CheckpointSeconds: 0));

        foreach (var moment in Moments)
        {
            while (status.Epoch < moment && !status.IsFinished)
            {
                status = await job.WaitForUpdate(status.Version, int.MaxValue, TimeSpan.FromSeconds(10));
            }

            Assert.False(status.IsFinished, $"the job ended before epoch {moment}: make it longer ({status.State} {status.Error})");
            await Target(victim, id).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        }

        await TrainingHelpers.WaitUntilFinished(job);
        var final = await job.GetStatus(0);

        Assert.True(final.State == JobState.Completed, $"the job should complete, it is {final.State}: {final.Error}");
        Assert.Equal(Epochs, final.Epoch);
        Assert.True(final.Recoveries >= 1, $"the job should have gone back to a checkpoint at least once after losing its {victim}");
        Assert.Equal(Enumerable.Range(1, Epochs), final.Records.Select(r => r.Epoch));
        await TrainingHelpers.AssertSameWeights(fixture.Grains, id, TrainingHelpers.TrainReference(model, Adam, iris, Epochs, BatchSize, true, Seed));
    }

    private IAddressable Target(string victim, string network) => victim switch
    {
        "job" => fixture.Grains.GetGrain<ITrainingJobGrain>($"{network}/job"),
        "neuron" => fixture.Grains.GetGrain<INeuronGrain>(NeuronKeys.Of(network, 1, 5)),
        _ => fixture.Grains.GetGrain<INetworkGrain>(network),
    };
}
