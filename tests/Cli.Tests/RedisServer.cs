using System.Diagnostics;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// A redis-server of the tests' own: Debian's redis-server on 127.0.0.1 and a free port, keeping nothing on disk, up
/// once it says it is ready, and killed by its PID at the end. No redis-server on the PATH is a failure, not a skip.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ChildProcess? _process;

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

    public async Task InitializeAsync()
    {
        var path = Locate();
        Port = FreePorts.One();
        var info = new ProcessStartInfo(path) { WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in new[] { "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = ChildProcess.Start(info, $"redis-server on port {Port}");
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
