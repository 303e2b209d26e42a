using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>The tutorial's training, through grains, against the reference trainer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GenderTrainingTests(ClusterFixture fixture)
{
    private static readonly double[] Emily = [128, 63];
    private static readonly double[] Frank = [155, 68];

    [Fact]
    public async Task Training_gender_through_grains_gives_the_reference_trainers_weights_to_the_bit()
    {
        var data = BuiltInDataSets.Gender();
        var spec = NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid") with { InputShift = data.InputShift! };
        var model = Initialization.Create(spec, seed: 7);
        var optimizer = new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 0.1);

        var status = await TrainingHelpers.TrainWithJob(fixture.Grains, "gender-bits", model, optimizer, data, epochs: 1000, batchSize: 1, shuffle: false, seed: 7);
        var expected = TrainingHelpers.TrainReference(model, optimizer, data, epochs: 1000, batchSize: 1, shuffle: false, seed: 7);

        Assert.Equal(JobState.Completed, status.State);
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "gender-bits", expected);
        var network = fixture.Grains.GetGrain<INetworkGrain>("gender-bits");

        Assert.True((await network.Predict(Emily)).Value[0] > 0.5, "Emily should be predicted female (> 0.5)");
        Assert.True((await network.Predict(Frank)).Value[0] < 0.5, "Frank should be predicted male (< 0.5)");
    }

    [Fact]
    public async Task The_tutorials_2_10_1_network_with_a_linear_output_trains_from_a_model_file_and_fits_all_four()
    {
        // The tutorial's second program: Perceptron weights drawn uniformly from [0, 1), a sigmoid layer of 10, a linear output.
        var data = BuiltInDataSets.Gender();
        var random = new SeededRandom(2);
        var spec = NetworkSpec.Create([2, 10, 1], "sigmoid", "linear") with { InputShift = data.InputShift! };
        var theta = spec.Layers.Select((layer, l) => Enumerable.Range(0, layer.Size)
            .Select(_ => Enumerable.Range(0, spec.FanIn(l) + 1).Select(_ => random.NextDouble()).ToArray()).ToArray()).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"netorleans-2-10-1-{Guid.NewGuid():N}.json");
        ModelFile.Write(path, new NetworkModel(spec, theta), []);
        var model = ModelFile.Read(path).Model;
        File.Delete(path);

        var status = await TrainingHelpers.TrainWithJob(fixture.Grains, "gender-2-10-1", model, new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 0.01), data, epochs: 1000, batchSize: 1, shuffle: false, seed: 1);

        Assert.Equal(JobState.Completed, status.State);
        var network = fixture.Grains.GetGrain<INetworkGrain>("gender-2-10-1");
        var predictions = (await network.Predict(data.X)).Value;
        for (var i = 0; i < data.Count; i++)
        {
            Assert.True(Math.Abs(predictions[i] - data.Y[i]) < 0.1, $"person {i}: predicted {predictions[i]:R}, expected {data.Y[i]}");
        }
    }
}
