using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace NetOrleans.Bench.Cluster;

/// <summary>
/// Several silo processes on localhost (the built NetOrleans.Silo.dll, localhost clustering with the first as primary)
/// and a client in this process that reaches them through their gateways.
/// </summary>
public sealed class SiloProcesses : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<Process> _silos;
    private readonly IHost _client;

    private SiloProcesses(List<Process> silos, IHost client)
    {
        _silos = silos;
        _client = client;
        Grains = client.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public int Count => _silos.Count;

    /// <summary>Starts <paramref name="count"/> silos, the primary first, and connects a client to every gateway.</summary>
    /// <param name="siloArgs">more arguments for every silo (--placement local)</param>
    public static async Task<SiloProcesses> Start(string siloDll, int count, Action<string> log, params string[] siloArgs)
    {
        if (!File.Exists(siloDll))
        {
            throw new FileNotFoundException($"the silo program is not at {siloDll} (build src/Silo, or pass --silo-dll)");
        }

        var clusterId = $"netorleans-bench-{Environment.ProcessId}";
        var siloPorts = Enumerable.Range(0, count).Select(_ => Ports.Free()).ToArray();
        var gatewayPorts = Enumerable.Range(0, count).Select(_ => Ports.Free()).ToArray();
        var silos = new List<Process>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                silos.Add(await StartSilo(siloDll, siloPorts[i], gatewayPorts[i], siloPorts[0], clusterId, siloArgs));
                log($"silo {i + 1}/{count} up: silo port {siloPorts[i]}, gateway port {gatewayPorts[i]}");
            }

            var gateways = gatewayPorts.Select(p => new IPEndPoint(IPAddress.Loopback, p)).ToArray();
            var client = Host.CreateDefaultBuilder()
                .ConfigureLogging(logging => logging.ClearProviders())
                .UseOrleansClient(c => c
                    .UseStaticClustering(gateways)
                    .Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = clusterId;
                        o.ServiceId = clusterId;
                    })
                    .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = LongCalls.Timeout))
                .Build();
            await client.StartAsync();
            var cluster = new SiloProcesses(silos, client);
            await cluster.WaitForMembers(count);
            return cluster;
        }
        catch
        {
            foreach (var silo in silos)
            {
                Stop(silo);
            }

            throw;
        }
    }

    /// <summary>Activations of grain types whose name contains <paramref name="grainType"/>, silo by silo.</summary>
    public async Task<int[]> ActivationsPerSilo(string grainType)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var stats = await management.GetSimpleGrainStatistics();
        return hosts.Keys.OrderBy(h => h.Endpoint.Port)
            .Select(h => stats.Where(s => s.SiloAddress.Equals(h) && s.GrainType.Contains(grainType, StringComparison.OrdinalIgnoreCase))
                .Sum(s => s.ActivationCount))
            .ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _client.Dispose();
            foreach (var silo in _silos)
            {
                Stop(silo);
            }
        }
    }

    private async Task WaitForMembers(int count)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        var management = Grains.GetGrain<IManagementGrain>(0);
        while ((await management.GetHosts(onlyActive: true)).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"fewer than {count} silos joined the cluster within {StartTimeout.TotalSeconds} s");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<Process> StartSilo(string dll, int siloPort, int gatewayPort, int primaryPort, string clusterId, string[] siloArgs)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
        };
        string[] args =
        [
            dll, "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}", "--http-port", "0", "--primary", $"127.0.0.1:{primaryPort}",
            "--cluster-id", clusterId, "--service-id", clusterId, .. siloArgs,
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dll}");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.StartsWith("silo started", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (errors)
                {
                    errors.Add(line);
                }
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException(
            $"silo on port {siloPort} exited with {process.ExitCode}: {string.Join(Environment.NewLine, errors.TakeLast(20))}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(StartTimeout);
        return process;
    }

    private static void Stop(Process silo)
    {
        if (!silo.HasExited)
        {
            silo.Kill(entireProcessTree: true);
            silo.WaitForExit(10_000);
        }

        silo.Dispose();
    }
}
