using NetOrleans.Grains.Routing;

namespace NetOrleans.Cluster.Tests;

/// <summary>How a network plans to reach a layer's neurons from where they live.</summary>
public sealed class LayerRouteTests
{
    private static readonly string[] Keys = ["n/1/0", "n/1/1", "n/1/2", "n/1/3", "n/1/4", "n/1/5"];

    private static (LayerRoute Route, List<string> RelaysAsked) Plan(params string[] silos)
    {
        var asked = new List<string>();
        var route = LayerRoute.Plan(Keys[..silos.Length], silos, "here", silo =>
        {
            asked.Add(silo);
            return null!;
        });
        return (route, asked);
    }

    [Fact]
    public void Neurons_on_the_networks_silo_are_called_directly()
    {
        var (route, asked) = Plan("here", "here", "here");

        Assert.Equal([0, 1, 2], route.Direct);
        Assert.Empty(route.Relayed);
        Assert.Empty(asked);
    }

    [Fact]
    public void Two_or_more_neurons_on_another_silo_go_through_its_relay_and_a_lone_one_directly()
    {
        var (route, asked) = Plan("b", "here", "b", "c", "b", "d");

        Assert.Equal([1, 3, 5], route.Direct);
        var group = Assert.Single(route.Relayed);
        Assert.Equal([0, 2, 4], group.Indices);
        Assert.Equal(["n/1/0", "n/1/2", "n/1/4"], group.Keys.Value);
        Assert.Equal(["b"], asked);
    }

    [Fact]
    public void Every_other_silo_with_a_group_gets_its_own_relay()
    {
        var (route, asked) = Plan("b", "here", "b", "d", "b", "d");

        Assert.Equal([1], route.Direct);
        Assert.Equal([[0, 2, 4], [3, 5]], route.Relayed.Select(g => g.Indices));
        Assert.Equal(["b", "d"], asked);
    }
}
