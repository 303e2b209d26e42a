using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// scripts/cluster.sh as a user runs it: `up 3` starts three silo processes that a client trains through, and `down`
/// stops exactly those. It runs with a state folder and ports of its own, and this build's configuration.
/// </summary>
public sealed partial class ClusterScriptTests : IDisposable
{
    private const int Silos = 3;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _state = new();

    [Fact]
    public async Task Up_three_silos_trains_through_their_gateways_shows_the_neurons_on_every_silo_and_down_stops_exactly_them()
    {
        var silo = FreeRange(Silos);
        var gateway = FreeRange(Silos, avoid: silo);
        var http = FreeRange(1, avoid: gateway);
        var up = await Script("up", $"{Silos}", "--silo-port", $"{silo}", "--gateway-port", $"{gateway}", "--http-port", $"{http}");
        int[] pids = [];
        try
        {
            Expect.Success(up);
            pids = [.. SiloLine().Matches(up.Out).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
            Assert.True(pids.Length == Silos, $"expected a 'silo i: pid P' line per silo: {up}");
            Assert.All(pids, pid => Assert.False(Process.GetProcessById(pid).HasExited));
            Assert.Contains("every gateway answered a client call", up.Out, StringComparison.Ordinal);
            Assert.Contains($"--gateway 127.0.0.1:{gateway} --gateway 127.0.0.1:{gateway + 1} --gateway 127.0.0.1:{gateway + 2}", up.Out, StringComparison.Ordinal);

            var train = await DotnetProcess.Run(RepoLayout.ClientDll, [
                "train", "--data", "iris", "--layers", "4,8,3", "--activation", "tanh", "--scale", "standard", "--test-fraction", "0.3",
                "--epochs", "30", "--batch-size", "8", "--optimizer", "adam", "--lr", "0.01",
                "--gateway", $"127.0.0.1:{gateway}", "--gateway", $"127.0.0.1:{gateway + 1}"], _state.Path, ClientTimeout);
            Expect.Success(train);
            Assert.True(train.OutLines.Count(l => l.StartsWith("epoch ", StringComparison.Ordinal)) == 10, $"expected 10 epoch lines: {train}");
            Assert.Contains(train.OutLines, l => l.StartsWith("test accuracy: ", StringComparison.Ordinal));

            // Silo 1's page: its link with the token, and the cluster it shows, the network's neurons on all three silos.
            Assert.Matches($@"silo 1 live page: http://127\.0\.0\.1:{http}/\?token=[0-9a-f]{{64}}", up.Out);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}") };
            using var cluster = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/cluster"));
            var silos = cluster.RootElement.GetProperty("silos").EnumerateArray().ToArray();
            Assert.Equal(Silos, silos.Length);
            Assert.All(silos, s => Assert.True(s.GetProperty("neurons").GetInt32() > 0, $"a silo without neurons: {cluster.RootElement}"));
        }
        finally
        {
            var down = await Script("down");
            Expect.Success(down);
            foreach (var pid in pids)
            {
                Assert.True(HasExited(pid), $"silo process {pid} is still running after down: {down}");
            }
        }
    }

    [Fact]
    public async Task Down_with_nothing_started_stops_nothing()
    {
        var down = await Script("down");
        Expect.Success(down);
        Assert.Contains("no cluster recorded", down.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _state.Dispose();

    [GeneratedRegex(@"silo \d+: pid (\d+),")]
    private static partial Regex SiloLine();

    /// <summary>True when process <paramref name="pid"/> is gone, or a zombie that has exited and waits to be reaped.</summary>
    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return process.HasExited || stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            return true;
        }
    }

    /// <summary>The first of <paramref name="count"/> consecutive loopback ports nothing listens on, below the ephemeral range.</summary>
    private static int FreeRange(int count, int avoid = 0)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = Random.Shared.Next(20_000, 32_000);
            if (Math.Abs(first - avoid) < 2 * count)
            {
                continue;
            }

            var listeners = new List<TcpListener>();
            try
            {
                for (var port = first; port < first + count; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }

                return first;
            }
            catch (SocketException)
            {
                // Taken: try another range.
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }

        throw new InvalidOperationException($"found no {count} consecutive free ports");
    }

    /// <summary>Runs `bash scripts/cluster.sh args` with this test's state folder and the tests' build configuration.</summary>
    private async Task<CommandResult> Script(params string[] args)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoLayout.Root, "scripts", "cluster.sh"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NETORLEANS_CLUSTER_STATE"] = _state.Path;
        info.Environment["NETORLEANS_CLUSTER_CONFIGURATION"] = RepoLayout.Configuration;
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";
        info.Environment.Remove("NETORLEANS_CLUSTER_ID");
        await using var script = ChildProcess.Start(info, $"cluster.sh {string.Join(' ', args)}");
        var watch = Stopwatch.StartNew();
        var exit = await script.WaitForExit(ScriptTimeout);
        var log = script.Log;
        string Stream(string prefix) => string.Join('\n', log.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]));
        return new CommandResult(exit, Stream("out: "), Stream("err: "), watch.Elapsed);
    }
}
