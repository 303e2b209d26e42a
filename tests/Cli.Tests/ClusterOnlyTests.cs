namespace NetOrleans.Cli.Tests;

/// <summary>
/// Commands that only make sense against a cluster say so when there is no gateway; the gateway can come from
/// NETORLEANS_GATEWAY; a wrong cluster id and explain's own silo are named for what they are.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ClusterOnlyTests(SiloFixture silo)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData("jobs")]
    [InlineData("networks")]
    public async Task Jobs_and_networks_without_a_gateway_say_they_need_one(string command)
    {
        Expect.OneError(await InProcessCli.Run(command, "list"), $"{command} needs a cluster", "--gateway HOST:PORT", "NETORLEANS_GATEWAY");
    }

    [Fact]
    public async Task The_gateway_variable_is_read_when_the_option_is_absent()
    {
        Expect.Success(await silo.TrainGender());
        var unreachable = $"127.0.0.1:{FreePorts.One()}";

        var result = await Client(["networks", "list"], ("NETORLEANS_GATEWAY", $"{unreachable}, {silo.Gateway}"));

        Expect.Success(result);
        Assert.Contains(result.OutLines, l => l.StartsWith(SiloFixture.GenderNetwork, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_cluster_id_says_the_id_may_differ_and_how_to_set_it()
    {
        var result = await Client(["networks", "list", "--gateway", silo.Gateway], ("NETORLEANS_CLUSTER_ID", "not-this-one"));

        Expect.OneError(result, $"cannot reach gateway {silo.Gateway}", "another cluster id than 'not-this-one'", "set NETORLEANS_CLUSTER_ID");
    }

    [Fact]
    public async Task Explain_through_a_gateway_does_not_say_no_gateway_was_given()
    {
        Expect.Success(await silo.TrainGender());

        var result = await InProcessCli.Run("explain", "--network", SiloFixture.GenderNetwork, "--gateway", silo.Gateway, "128", "63");

        Expect.Success(result);
        Assert.DoesNotContain("no --gateway given", result.Error, StringComparison.Ordinal);
        Assert.Contains("embedded silo: the sample runs through a copy of the network in this process's own silo", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_through_a_gateway_gives_the_same_output_for_comma_and_space_separated_inputs()
    {
        Expect.Success(await silo.TrainGender());

        var spaces = Expect.OneNumber(await InProcessCli.Run("predict", "--network", SiloFixture.GenderNetwork, "--gateway", silo.Gateway, "128", "63"));
        var commas = Expect.OneNumber(await InProcessCli.Run("predict", "--network", SiloFixture.GenderNetwork, "--gateway", silo.Gateway, "128,63"));

        Assert.Equal(spaces, commas);
    }

    private static Task<CommandResult> Client(string[] args, params (string Name, string Value)[] environment) =>
        DotnetProcess.Run(RepoLayout.ClientDll, args, Path.GetTempPath(), Timeout, environment.ToDictionary(e => e.Name, e => e.Value));
}
