using System.Diagnostics;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// scripts/install-tool.sh as the README has a user run it, into a tool folder of its own: the installed `netorleans`
/// prints its usage and its version, and trains and predicts on an embedded silo from any folder (its data inside the
/// package).
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    /// <summary>A whole Release build and a ReadyToRun compilation: a few minutes on two idle cores, far more on a busy machine.</summary>
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(25);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_installed_tool_prints_its_usage_and_trains_on_an_embedded_silo()
    {
        var tools = _temp.File("tools");
        var install = await Run("bash", [Path.Combine(RepoLayout.Root, "scripts", "install-tool.sh"), "--tool-path", tools], RepoLayout.Root, InstallTimeout,
            new Dictionary<string, string> { ["NETORLEANS_TOOL_PACKAGES"] = _temp.File("packages") });
        Expect.Success(install);
        Assert.Contains("was successfully installed", install.Out, StringComparison.Ordinal);
        var netorleans = Path.Combine(tools, "netorleans");

        var help = await Run(netorleans, ["--help"], _temp.Path, CommandTimeout);
        Expect.Success(help);
        Assert.StartsWith("usage: netorleans <command> [options]", help.Out, StringComparison.Ordinal);

        var version = await Run(netorleans, ["--version"], _temp.Path, CommandTimeout);
        Expect.Success(version);
        Assert.Matches(@"^netorleans 0\.1\.0-dev\.\d{14}$", version.OutLines.Single());

        var train = await Run(netorleans, ["train", "--data", "gender", "--epochs", "10", "--predict", "128,63"], _temp.Path, CommandTimeout);
        Expect.Success(train);
        Assert.Single(train.OutLines, l => l.StartsWith("predict 128,63: 0.", StringComparison.Ordinal));
    }

    /// <summary>Runs a program to its end with the NETORLEANS_ and OTEL_ settings of this process removed; killed past the timeout.</summary>
    private static async Task<CommandResult> Run(string program, string[] args, string folder, TimeSpan timeout, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = folder };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("NETORLEANS_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        await using var process = ChildProcess.Start(info, $"{Path.GetFileName(program)} {string.Join(' ', args)}");
        var watch = Stopwatch.StartNew();
        var exit = await process.WaitForExit(timeout);
        var log = process.Log;
        string Stream(string prefix) => string.Join('\n', log.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]));
        return new CommandResult(exit, Stream("out: "), Stream("err: "), watch.Elapsed);
    }
}
