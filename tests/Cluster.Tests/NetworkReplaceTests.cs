using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Creating a network over an existing one, with <c>replace</c>.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NetworkReplaceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_network_replaced_by_a_smaller_one_deletes_the_neurons_it_no_longer_has()
    {
        var network = fixture.Grains.GetGrain<INetworkGrain>("shrinks");
        var big = Initialization.Create(NetworkSpec.Create([2, 5, 3], "tanh", "sigmoid"), seed: 1);
        var small = Initialization.Create(NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid"), seed: 2);
        var sgd = new OptimizerSettings(OptimizerKind.Sgd, 0.1);
        await network.Create(big, sgd, replace: false, history: []);

        await network.Create(small, sgd, replace: true, history: []);

        await TrainingHelpers.AssertSameWeights(fixture.Grains, "shrinks", small);
        foreach (var gone in new[] { NeuronKeys.Of("shrinks", 1, 2), NeuronKeys.Of("shrinks", 1, 4), NeuronKeys.Of("shrinks", 2, 1), NeuronKeys.Of("shrinks", 2, 2) })
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Grains.GetGrain<INeuronGrain>(gone).GetParameters());
            Assert.Contains($"neuron {gone} does not exist", error.Message);
        }

        // What is left is the small network, also after going back to its checkpoint.
        await network.Restore();
        await TrainingHelpers.AssertSameWeights(fixture.Grains, "shrinks", small);
        Assert.Equal([2, 1], (await network.Describe()).Layers.Select(l => l.Size));
    }
}
