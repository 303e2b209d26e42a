using System.Diagnostics;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// A redis-server of the tests' own: Debian's redis-server on 127.0.0.1 and a free port, keeping nothing on disk (or,
/// made by <see cref="StartPersistent"/>, an append-only file in a folder, so that a kill and a restart lose nothing),
/// up once it says it is ready, and killed by its PID at the end. No redis-server on the PATH is a failure, not a skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ChildProcess? _process;
    private string? _folder;
    private int _starts;

    /// <summary>A Redis with AOF on (appendfsync always) in <paramref name="folder"/>, started and ready.</summary>
    public static async Task<RedisServer> StartPersistent(string folder)
    {
        var redis = new RedisServer { _folder = folder };
        await redis.InitializeAsync();
        return redis;
    }

    /// <summary>Kills it (SIGKILL), as a crash would.</summary>
    public void Kill() => _process?.Kill();

    /// <summary>Starts it again on the same port and folder (with AOF: with every write it acknowledged).</summary>
    public async Task Restart()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await Launch();
    }

    public int Port { get; private set; }

    /// <summary>The --redis argument for silos: 127.0.0.1:PORT.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>redis-server's path, as `which redis-server` finds it; an error saying how to install it when it is missing.</summary>
    public static string Locate()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            "redis-server is not installed (not on the PATH): these tests need a real Redis. " +
            "Install Debian's package with `apt-get install -y redis-server` (bash .ci/run does).");
    }

    public Task InitializeAsync()
    {
        Port = FreePorts.One();
        return Launch();
    }

    private async Task Launch()
    {
        var info = new ProcessStartInfo(Locate()) { WorkingDirectory = _folder ?? Path.GetTempPath() };
        string[] persistence = _folder is null
            ? ["--save", "", "--appendonly", "no"]
            : ["--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", _folder];
        foreach (var arg in (string[])["--port", $"{Port}", "--bind", "127.0.0.1", .. persistence])
        {
            info.ArgumentList.Add(arg);
        }

        _process = ChildProcess.Start(info, $"redis-server on port {Port} (start {++_starts})");
        await _process.WaitForLine(l => l.Contains("Ready to accept connections", StringComparison.Ordinal), StartTimeout, "'Ready to accept connections'");
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
