using System.Diagnostics;
using System.Text;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// A silo in a process of its own (`dotnet NetOrleans.Silo.dll --silo-port P1 --gateway-port P2` on free loopback
/// ports), up once it has said "silo started" on standard output, and killed (only that process and its children)
/// at the end. It also trains the gender network "e2e-gender" once, through a client process, for the tests that
/// need a trained network.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    public const string GenderNetwork = "e2e-gender";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _directory = new();
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<Task<CommandResult>> _genderTraining;
    private Process? _process;

    public SiloFixture() => _genderTraining = new(() => RunClient(
        "train", "--data", "gender", "--network", GenderNetwork, "--gateway", Gateway, "--out", GenderModel));

    public int SiloPort { get; private set; }

    public int GatewayPort { get; private set; }

    /// <summary>The --gateway argument for this silo.</summary>
    public string Gateway => $"127.0.0.1:{GatewayPort}";

    /// <summary>The model file the gender training writes.</summary>
    public string GenderModel => _directory.File("m.json");

    /// <summary>True while the silo process is alive.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the silo has printed so far (stdout and stderr, interleaved as received).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(2);
        SiloPort = ports[0];
        GatewayPort = ports[1];
        var args = new[] { "--silo-port", $"{SiloPort}", "--gateway-port", $"{GatewayPort}" };
        var process = _process = new Process { StartInfo = DotnetProcess.StartInfo(RepoLayout.SiloDll, args, _directory.Path), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            Append("out", e.Data);
            if (e.Data?.StartsWith("silo started", StringComparison.Ordinal) == true)
            {
                _started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => Append("err", e.Data);
        process.Exited += (_, _) => _started.TrySetException(
            new InvalidOperationException($"the silo exited with code {process.ExitCode} before saying 'silo started':\n{Log}"));
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await _started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"waited {StartTimeout.TotalSeconds:F0} s for `dotnet {RepoLayout.SiloDll} {string.Join(' ', args)}` to print " +
                $"'silo started' on stdout; it printed:\n{Log}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var cancel = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(cancel.Token);
            process.Dispose();
        }

        _directory.Dispose();
    }

    /// <summary>Trains <see cref="GenderNetwork"/> through a client process the first time; later calls get the same result.</summary>
    public Task<CommandResult> TrainGender() => _genderTraining.Value;

    /// <summary>Runs the netorleans console as a process of its own, in this fixture's folder.</summary>
    public Task<CommandResult> RunClient(params string[] args) =>
        DotnetProcess.Run(RepoLayout.ClientDll, args, _directory.Path, ClientTimeout);

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Append(stream).Append(": ").AppendLine(line);
        }
    }
}
