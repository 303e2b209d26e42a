using NetOrleans.Client.Commands;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// A data set larger than a message moves and is stored in chunks, and trains to the reference's bits on two silos; a
/// job that cannot start leaves no network and no data set behind.
/// </summary>
[Collection(SmallMessageCollection.Name)]
public sealed class ChunkedDataSetTests(SmallMessageFixture fixture)
{
    private static readonly OptimizerSettings Sgd = new(OptimizerKind.Sgd, 0.1);

    /// <summary>
    /// N x 30 features in [0, 1) and 3 one-hot classes (the class of the largest of the first three features), from a
    /// fixed seed: 20,000 rows are 5.3 MB, over the fixture's 4 MB message limit and six chunks long.
    /// </summary>
    private static DataSet Synthetic(int rows, int features = 30)
    {
        var random = SeededRandom.For(11);
        var x = new double[rows * features];
        var y = new double[rows * 3];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < features; c++)
            {
                x[r * features + c] = random.NextDouble();
            }

            var label = x[r * features] > x[r * features + 1]
                ? (x[r * features] > x[r * features + 2] ? 0 : 2)
                : (x[r * features + 1] > x[r * features + 2] ? 1 : 2);
            y[r * 3 + label] = 1;
        }

        return new DataSet("synthetic", x, y, features, 3, Enumerable.Range(0, features).Select(c => $"f{c}").ToArray(), ["a", "b", "c"]);
    }

    private static NetworkModel Model(int features = 30) =>
        Initialization.Create(NetworkSpec.Create([features, 8, 3], "tanh", "softmax", "cross-entropy") with { Classes = ["a", "b", "c"] }, seed: 9);

    private async Task<string[]> Networks() => await fixture.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Networks();

    [Fact]
    public async Task A_data_set_larger_than_a_message_trains_on_two_silos_to_the_reference_bits()
    {
        var data = Synthetic(20_000);
        var model = Model();
        Assert.True(data.X.Length * sizeof(double) > SmallMessageFixture.MaxMessageBytes, "the data set should not fit in one message");

        var status = await TrainingHelpers.TrainWithJob(fixture.Grains, "chunked", model, Sgd, data, epochs: 2, batchSize: 250, shuffle: true, seed: 3);

        Assert.True(status.State == JobState.Completed, $"the job should complete, it is {status.State}: {status.Error}");
        var manifest = await fixture.Grains.GetGrain<IDataSetGrain>("chunked/data").GetManifest();
        Assert.Equal(6, manifest.Header.Chunks);
        Assert.Equal(2, fixture.Cluster.GetActiveSilos().Count());
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "chunked", TrainingHelpers.TrainReference(model, Sgd, data, 2, 250, true, 3));
    }

    [Fact]
    public async Task A_start_refused_after_the_network_was_made_leaves_no_network_and_no_data()
    {
        var before = await Networks();
        var request = new JobRequest("refused", "refused-job/train", "refused-job/test", Epochs: 1, BatchSize: 10, Shuffle: false, Seed: 1);
        var model = Model();

        // The test split has 31 features for a 30-input network: the job refuses it once the network exists.
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            JobLauncher.Start(fixture.Grains, "refused-job", request, Synthetic(5_000), Synthetic(100, features: 31), InitialModel.Of(model), Sgd));

        Assert.Contains("has 31 features but network 'refused' takes 30 inputs", e.Message, StringComparison.Ordinal);
        await AssertNothingLeft(before, "refused", "refused-job", "refused-job/train", "refused-job/test");
    }

    [Fact]
    public async Task A_start_whose_upload_is_refused_leaves_no_network_and_no_data()
    {
        var before = await Networks();
        var data = Synthetic(5_000);
        data.X[4_321 * 30 + 7] = double.NaN;
        var request = new JobRequest("bad-data", "bad-data-job/train", null, Epochs: 1, BatchSize: 10, Shuffle: false, Seed: 1);

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            JobLauncher.Start(fixture.Grains, "bad-data-job", request, data, null, InitialModel.Of(Model()), Sgd));

        Assert.Contains("is NaN", e.Message, StringComparison.Ordinal);
        await AssertNothingLeft(before, "bad-data", "bad-data-job", "bad-data-job/train");
    }

    [Fact]
    public async Task A_start_refused_on_an_existing_network_leaves_it_as_it_was()
    {
        var network = fixture.Grains.GetGrain<INetworkGrain>("kept");
        await network.Create(Model(), Sgd, replace: false, history: []);
        var before = await network.Describe();
        var request = new JobRequest("kept", "kept-job/train", "kept-job/test", Epochs: 1, BatchSize: 10, Shuffle: false, Seed: 1);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            JobLauncher.Start(fixture.Grains, "kept-job", request, Synthetic(100), Synthetic(100, features: 31), null, new OptimizerSettings(OptimizerKind.Adam, 0.01)));

        var after = await network.Describe();
        Assert.Equal(before.Optimizer, after.Optimizer);
        Assert.Equal(before.Steps, after.Steps);
        Assert.Contains("kept", await Networks());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Grains.GetGrain<ITrainingJobGrain>("kept-job").GetStatus(0));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Grains.GetGrain<IDataSetGrain>("kept-job/train").GetHeader());
    }

    private async Task AssertNothingLeft(string[] networksBefore, string network, string job, params string[] dataSets)
    {
        Assert.Equal(networksBefore, await Networks());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Grains.GetGrain<INetworkGrain>(network).Describe());
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Grains.GetGrain<ITrainingJobGrain>(job).GetStatus(0));
        foreach (var id in dataSets)
        {
            await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Grains.GetGrain<IDataSetGrain>(id).GetHeader());
        }
    }
}
