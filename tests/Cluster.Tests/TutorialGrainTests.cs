using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>The tutorial's first numbers, computed by neuron grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TutorialGrainTests(ClusterFixture fixture)
{
    private async Task<INetworkGrain> Create(string id, NetworkModel model)
    {
        var network = fixture.Grains.GetGrain<INetworkGrain>(id);
        await network.Create(model, new OptimizerSettings(), replace: false, history: []);
        return network;
    }

    [Fact]
    public async Task One_neuron_with_w_0_1_and_b_4_gives_the_tutorials_output_on_2_3()
    {
        var network = await Create("tutorial-neuron", TutorialModels.ZeroOne([2, 1], b: 4));

        var a = (await network.Predict(new double[] { 2, 3 })).Value;

        Assert.Single(a);
        Assert.Equal(0.9990889488055994, a[0], 1e-15);
    }

    [Fact]
    public async Task The_2_2_1_network_with_w_0_1_and_b_0_gives_the_tutorials_output_on_2_3()
    {
        var network = await Create("tutorial-network", TutorialModels.ZeroOne([2, 2, 1], b: 0));

        var a = (await network.Predict(new double[] { 2, 3 })).Value;

        Assert.Equal(0.7216325609518421, a[0], 1e-15);
    }

    [Fact]
    public async Task The_loss_of_predicting_all_zeros_for_1_0_0_1_is_one_half()
    {
        // A linear neuron with w = 0, b = 0 predicts 0 for every sample; the batch loss is the tutorial's MSE.
        var network = await Create("tutorial-mse", TutorialModels.Uniform([1, 1], 0, 0, output: "linear"));

        var loss = await network.TrainBatch(new double[] { 0, 0, 0, 0 }, new double[] { 1, 0, 0, 1 });

        Assert.Equal(0.5, loss);
    }
}
