namespace NetOrleans.Cli.Tests;

/// <summary>
/// A network too big for the cluster's memory is refused by `train` and `networks create` in one line with its
/// numbers, before any work: no network is left behind, and the silo goes on serving.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class SizeRefusalTests(SiloFixture silo)
{
    // 4,100000,100000,3: 100000 x 5 + 100000 x 100001 + 3 x 100001 parameters, 10^10 of them (80 GB of weights alone).
    private static readonly string[] Numbers = ["10,000,900,003 parameters", "200,003 neurons", "224.1 GB of silo memory", "more than its memory budget of"];

    [Fact]
    public async Task Train_a_network_of_10_to_10_parameters_is_refused_in_one_line_with_its_numbers()
    {
        var result = await InProcessCli.Run("train", "--data", "iris", "--layers", "4,100000,100000,3", "--network", "e2e-too-big-train", "--gateway", silo.Gateway);

        var line = Expect.OneError(result, [.. Numbers, "network 'e2e-too-big-train' (4,100000,100000,3) is too big for the cluster"]);
        Assert.DoesNotContain("OutOfMemory", line, StringComparison.Ordinal);
        Assert.DoesNotContain("e2e-too-big-train", (await InProcessCli.Run("networks", "list", "--gateway", silo.Gateway)).Out, StringComparison.Ordinal);
        Assert.True(silo.IsRunning, $"the silo process ended:\n{silo.Log}");
    }

    [Fact]
    public async Task Networks_create_a_network_of_10_to_10_parameters_is_refused_in_one_line_with_its_numbers()
    {
        var result = await InProcessCli.Run("networks", "create", "e2e-too-big", "--layers", "4,100000,100000,3", "--activation", "relu", "--output", "softmax", "--gateway", silo.Gateway);

        Expect.OneError(result, [.. Numbers, "network 'e2e-too-big' (4,100000,100000,3)"]);
        Expect.OneError(await InProcessCli.Run("networks", "show", "e2e-too-big", "--gateway", silo.Gateway), "network 'e2e-too-big' does not exist");
    }
}
