using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetOrleans.Cli.Tests;

/// <summary>`netorleans train --view`: the embedded silo serves the live page and the API, and says where.</summary>
public sealed partial class LiveViewTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task View_prints_the_page_s_link_with_a_token_and_trains_as_without_it()
    {
        var port = FreePorts.One();
        var run = await InProcessCli.Run("train", "--data", "gender", "--epochs", "3", "--view", "--view-port", $"{port}", "--predict", "128,63");

        Expect.Success(run);
        Assert.Matches($@"(?m)^live page: http://127\.0\.0\.1:{port}/\?token=[0-9a-f]{{64}}$", run.Error);
        Assert.Contains(run.OutLines, l => l.StartsWith("predict 128,63: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task View_keep_serves_the_trained_network_until_ctrl_c_then_exits_0()
    {
        var port = FreePorts.One();
        string[] args = ["train", "--data", "gender", "--epochs", "5", "--network", "kept", "--view", "--view-keep", "--view-port", $"{port}"];
        await using var train = ChildProcess.Start(DotnetProcess.StartInfo(RepoLayout.ClientDll, args, _temp.Path), "netorleans train --view-keep");
        await train.WaitForErrorLine(l => l.Contains("the live page stays up until Ctrl-C", StringComparison.Ordinal), Timeout, "that the page stays up");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var network = JsonDocument.Parse(await http.GetStringAsync("/api/networks/kept"));
        Assert.Equal(5, network.RootElement.GetProperty("epochs").GetInt32());
        Assert.Matches(PageLink(), train.Log);

        train.Interrupt();
        var code = await train.WaitForExit(Timeout);
        Assert.True(code == 0, $"expected exit code 0, got {code}:\n{train.Log}");
        Assert.Contains("stopping the live page", train.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--view-keep", "--view-keep goes with --view")]
    [InlineData("--view-port=9000", "--view-port goes with --view")]
    public async Task View_options_without_view_are_refused(string option, string error)
    {
        var run = await InProcessCli.Run("train", "--data", "gender", "--epochs", "1", option);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(error, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_with_a_gateway_is_refused_before_any_work()
    {
        var run = await InProcessCli.Run("train", "--data", "gender", "--view", "--gateway", "127.0.0.1:1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--view serves the page from this process's embedded silo", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"err: live page: http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{64}")]
    private static partial Regex PageLink();
}
