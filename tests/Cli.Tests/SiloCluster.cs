namespace NetOrleans.Cli.Tests;

/// <summary>
/// Silo processes on 127.0.0.1 (`dotnet NetOrleans.Silo.dll --redis 127.0.0.1:P --cluster-id ID`) that keep their
/// membership, grain state and reminders in one Redis, under a cluster id of their own, or, with no Redis, localhost
/// clustering with the first silo as the primary (`--primary 127.0.0.1:P` for the others); and client processes that
/// reach them through their gateways. Disposing kills whatever silo is still running.
/// </summary>
public sealed class SiloCluster(RedisServer? redis) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(180);

    private readonly TempDirectory _directory = new();
    private readonly List<SiloProcess> _silos = [];
    private int _started;
    private int? _primaryPort;

    /// <summary>This cluster's id, unique to this object, so that nothing else in the same Redis is seen.</summary>
    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>The silos started so far, stopped and killed ones included.</summary>
    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>The silos whose process is alive.</summary>
    public IEnumerable<SiloProcess> Running => _silos.Where(s => !s.Process.HasExited);

    /// <summary>The folder the client processes run in (for files they write).</summary>
    public string Folder => _directory.Path;

    /// <summary>What a client process needs to find this cluster: its id.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string> { ["NETORLEANS_CLUSTER_ID"] = ClusterId };

    /// <summary>Starts <paramref name="count"/> more silos at once and waits until each has printed "silo started".</summary>
    public async Task<SiloProcess[]> Start(int count)
    {
        var ports = FreePorts.Take(2 * count);
        var silos = Enumerable.Range(0, count).Select(i => Launch($"silo {++_started}", ports[2 * i], ports[2 * i + 1])).ToArray();
        _silos.AddRange(silos);
        await Task.WhenAll(silos.Select(s => s.Process.WaitForLine(l => l.StartsWith("silo started", StringComparison.Ordinal), StartTimeout, "'silo started'")));
        return silos;
    }

    /// <summary>Starts <paramref name="silo"/> again, killed or not, on its own ports; waits until it has printed "silo started".</summary>
    public async Task<SiloProcess> Restart(SiloProcess silo)
    {
        silo.Process.Kill();
        var again = Launch(silo.Name, silo.SiloPort, silo.GatewayPort);
        _silos[_silos.IndexOf(silo)] = again;
        await again.Process.WaitForLine(l => l.StartsWith("silo started", StringComparison.Ordinal), StartTimeout, "'silo started'");
        await silo.Process.DisposeAsync();
        return again;
    }

    /// <summary>Stops every running silo the graceful way (SIGTERM) and waits until they have exited.</summary>
    public Task StopAll() => Task.WhenAll(Running.Select(s => s.Process.Stop(StopTimeout)));

    /// <summary>`--gateway H:P` for each of <paramref name="silos"/>.</summary>
    public static string[] GatewayArgs(IEnumerable<SiloProcess> silos) => silos.SelectMany(s => new[] { "--gateway", s.Gateway }).ToArray();

    /// <summary>Runs the netorleans console to its end, in this cluster's folder and with its cluster id.</summary>
    public Task<CommandResult> RunClient(params string[] args) =>
        DotnetProcess.Run(RepoLayout.ClientDll, args, _directory.Path, ClientTimeout, ClientEnvironment);

    /// <summary>Starts the netorleans console and returns while it runs (to follow its output as it comes).</summary>
    public ChildProcess StartClient(string name, params string[] args) =>
        ChildProcess.Start(DotnetProcess.StartInfo(RepoLayout.ClientDll, args, _directory.Path, ClientEnvironment), name);

    /// <summary>Every silo's output, for assertion messages.</summary>
    public string Logs => string.Join("\n", _silos.Select(s => $"--- {s.Name} (pid {s.Process.Id}, silo port {s.SiloPort}) ---\n{s.Process.Log}"));

    private SiloProcess Launch(string name, int siloPort, int gatewayPort)
    {
        _primaryPort ??= siloPort;
        string[] clustering = redis is not null ? ["--redis", redis.Endpoint]
            : siloPort == _primaryPort ? [] : ["--primary", $"127.0.0.1:{_primaryPort}"];
        string[] args = ["--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}", .. clustering, "--cluster-id", ClusterId];
        var process = ChildProcess.Start(DotnetProcess.StartInfo(RepoLayout.SiloDll, args, _directory.Path), name);
        return new SiloProcess(name, process, siloPort, gatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.Process.DisposeAsync();
        }

        _directory.Dispose();
    }
}
