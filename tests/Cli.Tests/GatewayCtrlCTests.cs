using NetOrleans.Client.Cli;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// Ctrl-C on `netorleans train --gateway` with no terminal to ask on: the job in the cluster is cancelled after the
/// batch in flight, its network keeps the checkpoint, and the console exits with 130.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class GatewayCtrlCTests(SiloFixture silo) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ctrl_c_with_no_one_to_ask_cancels_the_cluster_job_and_exits_130()
    {
        string[] args = ["train", "--data", "gender", "--epochs", "1000000", "--network", "ctrl-c", "--gateway", silo.Gateway];
        await using var train = ChildProcess.Start(DotnetProcess.StartInfo(RepoLayout.ClientDll, args, _temp.Path), "netorleans train --gateway");
        var started = await train.WaitForErrorLine(l => l.StartsWith("network ctrl-c ", StringComparison.Ordinal), Timeout, "the line naming the job");
        var jobId = started.Split("job ")[1].Split(':')[0];

        train.Interrupt();

        var code = await train.WaitForExit(Timeout);
        Assert.True(code == CtrlC.ExitCode, $"expected exit code 130, got {code}:\n{train.Log}");
        Assert.Matches($@"err: interrupted: job {jobId} cancelled in epoch \d+/1000000 \(\d+ epochs done\); network ctrl-c checkpointed at step \d+ \(train it further with --network ctrl-c\)", train.Log);
        var jobs = await InProcessCli.Run("jobs", "list", "--gateway", silo.Gateway);
        Assert.Contains(jobs.OutLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{jobId} +ctrl-c +Cancelled "));
    }
}
