using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Networks;

namespace NetOrleans.Cluster.Tests;

/// <summary>Creating a network in rounds of neurons, its parameters drawn by the network from a seed.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NetworkCreationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_network_larger_than_one_round_gets_Initialization_Create_s_parameters_bit_for_bit()
    {
        // 5,002 neurons: two rounds of at most 4,096.
        var spec = NetworkSpec.Create([3, 5000, 2], "relu", "softmax", "cross-entropy");
        Assert.Equal([4096, 906], NeuronRounds.Of(spec).Select(r => r.Length));
        var network = fixture.Grains.GetGrain<INetworkGrain>("rounds");

        var summary = await network.CreateSeeded(spec, seed: 7, new OptimizerSettings(OptimizerKind.Adam, 0.001), replace: false);

        Assert.Equal([5000, 2], summary.Layers.Select(l => l.Size));
        Assert.Null(await network.Creation());
        AssertSameBits(Initialization.Create(spec, seed: 7), await network.Export());

        // What was checkpointed is the same: the network goes back to it and still holds those bits.
        await network.Restore();
        AssertSameBits(Initialization.Create(spec, seed: 7), await network.Export());
    }

    [Fact]
    public void Rounds_hold_at_most_4096_neurons_and_2_to_the_22_parameters_and_cover_every_neuron_once_in_order()
    {
        var spec = NetworkSpec.Create([784, 6000, 10], "relu", "softmax", "cross-entropy");

        var rounds = NeuronRounds.Of(spec).ToArray();

        // Fan-in 784: 2^22 parameters would hold 5,343 neurons, so 4,096 make a round; the output layer joins the last.
        Assert.Equal([4096, 1914], rounds.Select(r => r.Length));
        Assert.All(rounds, r => Assert.True(r.Sum(n => spec.FanIn(n.L) + 1L) <= NeuronRounds.MaxParameters));
        Assert.Equal(
            Enumerable.Range(0, 6000).Select(j => (0, j)).Concat(Enumerable.Range(0, 10).Select(j => (1, j))),
            rounds.SelectMany(r => r).Select(n => (n.L, n.J)));

        // Fan-in 5,000: 838 neurons of 5,001 parameters fill a round.
        Assert.Equal([838, 163], NeuronRounds.Of(NetworkSpec.Create([5000, 1000, 1], "relu", "linear")).Select(r => r.Length));
    }

    private static void AssertSameBits(NetworkModel expected, NetworkModel actual)
    {
        Assert.Equal(expected.Theta.Length, actual.Theta.Length);
        for (var l = 0; l < expected.Theta.Length; l++)
        {
            Assert.Equal(expected.Theta[l].Length, actual.Theta[l].Length);
            for (var j = 0; j < expected.Theta[l].Length; j++)
            {
                Assert.Equal(expected.Theta[l][j].Select(BitConverter.DoubleToInt64Bits), actual.Theta[l][j].Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }
}
