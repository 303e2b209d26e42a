using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using Orleans.Runtime;

namespace NetOrleans.Cluster.Tests;

/// <summary>A network spread over three silos trains as on one, and survives losing one of them mid-job.</summary>
[Collection(ThreeSiloCollection.Name)]
public sealed class ThreeSiloTests(ThreeSiloFixture fixture)
{
    private static readonly OptimizerSettings Adam = new(OptimizerKind.Adam, 0.01);

    /// <summary>Long enough that the job is still running when the silo is gone (the job no longer re-evaluates every epoch).</summary>
    private const int Epochs = 1500;

    private static (DataSet Data, NetworkModel Model) Iris(int hidden, long seed)
    {
        var iris = BuiltInDataSets.Iris();
        var (shift, scale) = Scaling.Fit(iris, "standard");
        var spec = NetworkSpec.Create([4, hidden, 3], "relu", "softmax", "cross-entropy") with { InputShift = shift, InputScale = scale, Classes = iris.Classes };
        return (iris, Initialization.Create(spec, seed));
    }

    private async Task<Dictionary<SiloAddress, int>> NeuronsPerSilo() =>
        (await Activations<NeuronGrain>()).GroupBy(s => s.SiloAddress).ToDictionary(g => g.Key, g => g.Count());

    private async Task<DetailedGrainStatistic[]> Activations<TGrain>()
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics();
        return stats.Where(s => s.GrainType.StartsWith(typeof(TGrain).FullName + ",", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public async Task Training_on_three_silos_gives_the_single_silo_weights_to_the_bit()
    {
        var (iris, model) = Iris(hidden: 24, seed: 21);

        var status = await TrainingHelpers.TrainWithJob(fixture.Grains, "three-silos", model, Adam, iris, epochs: 5, batchSize: 16, shuffle: true, seed: 4);

        Assert.Equal(JobState.Completed, status.State);
        var silos = await NeuronsPerSilo();
        Assert.True(silos.Count >= 2, $"the neurons should spread over the silos, found them on {silos.Count}");

        // The hidden neurons on the other silos were reached through the relay of their silo, each on the silo it names
        // (a relay named after a silo another test killed has moved on to a live one).
        var live = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress.ToParsableString()).ToHashSet();
        var relays = (await Activations<SiloRelayGrain>()).Where(r => live.Contains(r.GrainId.Key.ToString())).ToArray();
        Assert.NotEmpty(relays);
        Assert.All(relays, r => Assert.Equal(r.GrainId.Key.ToString(), r.SiloAddress.ToParsableString()));
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "three-silos", TrainingHelpers.TrainReference(model, Adam, iris, 5, 16, true, 4));
    }

    [Fact]
    public async Task A_job_that_loses_a_silo_completes_with_the_weights_of_an_uninterrupted_run()
    {
        var (iris, model) = Iris(hidden: 32, seed: 22);
        const string id = "survivor";
        await fixture.Grains.GetGrain<INetworkGrain>(id).Create(model, Adam, replace: false, history: []);
        await DataUploader.Upload(fixture.Grains, $"{id}/data", iris);
        var job = fixture.Grains.GetGrain<ITrainingJobGrain>($"{id}/job");
        var status = await job.Start(new JobRequest(id, $"{id}/data", null, Epochs: Epochs, BatchSize: 8, Shuffle: true, Seed: 6, CheckpointSeconds: 0));
        while (status.Epoch < 5)
        {
            status = await job.WaitForUpdate(status.Version, int.MaxValue, TimeSpan.FromSeconds(30));
            Assert.Equal(JobState.Running, status.State);
        }

        // Kill the secondary silo that holds the most neurons (the primary keeps the test cluster's reminder table).
        var silos = await NeuronsPerSilo();
        var victim = fixture.Cluster.SecondarySilos.OrderByDescending(s => silos.GetValueOrDefault(s.SiloAddress)).First();
        Assert.True(silos.GetValueOrDefault(victim.SiloAddress) > 0, "the silo to kill should hold some of the network's neurons");
        await fixture.Cluster.KillSiloAsync(victim);

        var final = await TrainingHelpers.WaitUntilFinished(job);

        Assert.True(final.State == JobState.Completed, $"the job should complete, it is {final.State}: {final.Error}");
        Assert.Equal(Epochs, final.Epoch);
        Assert.True(final.Recoveries >= 1, "the job should have gone back to a checkpoint after losing the silo");
        await TrainingHelpers.AssertSameWeights(fixture.Grains, id, TrainingHelpers.TrainReference(model, Adam, iris, Epochs, 8, true, 6));
    }
}
