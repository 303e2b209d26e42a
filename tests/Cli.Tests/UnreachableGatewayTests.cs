namespace NetOrleans.Cli.Tests;

/// <summary>
/// A gateway that nothing listens on: the console process gives up soon, with one line on its stderr. This runs as a
/// process of its own because the point includes everything the process prints (the Orleans client's own logging too).
/// </summary>
public sealed class UnreachableGatewayTests : IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Predict_through_a_gateway_nobody_listens_on_fails_soon_naming_the_gateway()
    {
        var gateway = $"127.0.0.1:{FreePorts.One()}";
        var result = await DotnetProcess.Run(RepoLayout.ClientDll, ["predict", "--network", "any", "--gateway", gateway, "128", "63"], _temp.Path, TimeSpan.FromSeconds(120));
        Expect.OneError(result, "cannot reach gateway", gateway);
        Assert.True(result.Elapsed < Soon, $"took {result.Elapsed.TotalSeconds:F1} s to give up (expected under {Soon.TotalSeconds:F0} s): {result}");
    }
}
