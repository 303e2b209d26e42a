using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Shuffled mini-batch training through grains equals the reference trainer to the bit, for every optimizer.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OptimizerBitIdentityTests(ClusterFixture fixture)
{
    public static TheoryData<string, double> Optimizers => new()
    {
        { "sgd", 0.1 },
        { "momentum", 0.05 },
        { "adam", 0.01 },
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public async Task Iris_mini_batches_through_grains_give_the_reference_weights(string kind, double lr)
    {
        var iris = BuiltInDataSets.Iris();
        var (shift, scale) = Scaling.Fit(iris, "standard");
        var spec = NetworkSpec.Create([4, 6, 5, 3], "relu", "softmax", "cross-entropy") with { InputShift = shift, InputScale = scale, Classes = iris.Classes };
        var model = Initialization.Create(spec, seed: 11);
        var optimizer = new OptimizerSettings(OptimizerKinds.Parse(kind), lr);

        var status = await TrainingHelpers.TrainWithJob(fixture.Grains, $"iris-{kind}", model, optimizer, iris, epochs: 4, batchSize: 16, shuffle: true, seed: 5);
        var expected = TrainingHelpers.TrainReference(model, optimizer, iris, epochs: 4, batchSize: 16, shuffle: true, seed: 5);

        Assert.Equal(JobState.Completed, status.State);
        await TrainingHelpers.AssertSameWeights(fixture.Grains, $"iris-{kind}", expected);
    }
}
