using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Core.Models;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// Ctrl-C on `netorleans train`: SIGINT sent to a real process, which stops its job after the batch in flight, says
/// where it stopped and what it kept, and exits with 130; a second Ctrl-C ends it at once.
/// </summary>
public sealed class CtrlCTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task First_ctrl_c_cancels_the_embedded_job_says_where_it_stopped_writes_the_model_and_exits_130()
    {
        var model = _temp.File("m.json");
        await using var train = StartTrain("--out", model);
        await train.WaitForErrorLine(l => l.StartsWith("network ", StringComparison.Ordinal), Timeout, "the line naming the job");

        train.Interrupt();

        var code = await train.WaitForExit(Timeout);
        Assert.True(code == CtrlC.ExitCode, $"expected exit code 130, got {code}:\n{train.Log}");
        Assert.Matches(@"err: interrupted: job job-\w+ cancelled in epoch \d+/1000000 \(\d+ epochs done\); network net-\w+ checkpointed at step \d+ \(it ends with this process's embedded silo\)", train.Log);
        Assert.Contains($"err: model as trained when stopped written to {model}", train.Log, StringComparison.Ordinal);
        Assert.Equal(1, ModelFile.Read(model).Model.Spec.Layers[^1].Size);
    }

    [Fact]
    public async Task Second_ctrl_c_ends_the_process_with_exit_code_130()
    {
        await using var train = StartTrain();
        await train.WaitForErrorLine(l => l.StartsWith("network ", StringComparison.Ordinal), Timeout, "the line naming the job");
        train.Interrupt();
        await train.WaitForErrorLine(l => l.StartsWith("Ctrl-C: job ", StringComparison.Ordinal), Timeout, "that the job stops after the batch in flight");

        train.Interrupt();

        var code = await train.WaitForExit(Timeout);
        Assert.True(code == CtrlC.ExitCode, $"expected exit code 130, got {code}:\n{train.Log}");
    }

    [Fact]
    public void The_first_press_while_a_command_listens_stops_gently_and_any_other_exits_now()
    {
        using var ctrlC = CtrlC.NeverPressed();
        Assert.Equal(CtrlCAction.ExitNow, ctrlC.Press());
        Assert.False(ctrlC.FirstPress.IsCancellationRequested);

        using (ctrlC.Listen())
        {
            Assert.Equal(CtrlCAction.StopGently, ctrlC.Press());
            Assert.True(ctrlC.FirstPress.IsCancellationRequested);
            Assert.Equal(CtrlCAction.ExitNow, ctrlC.Press());
        }
    }

    /// <summary>`netorleans train` on gender for a million epochs (it would run for hours), in this test's folder.</summary>
    private ChildProcess StartTrain(params string[] more)
    {
        string[] args = ["train", "--data", "gender", "--epochs", "1000000", .. more];
        return ChildProcess.Start(DotnetProcess.StartInfo(RepoLayout.ClientDll, args, _temp.Path), "netorleans train");
    }
}
