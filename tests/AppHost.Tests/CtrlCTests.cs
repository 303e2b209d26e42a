using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetOrleans.Cli.Tests;
using Xunit;

namespace NetOrleans.AppHost.Tests;

/// <summary>Ctrl-C on `dotnet run --project src/AppHost` stops everything it started: no process is left behind.</summary>
public sealed class CtrlCTests
{
    [Fact]
    public async Task Ctrl_C_stops_Redis_the_silos_the_dashboard_and_the_orchestrator()
    {
        var data = Directory.CreateTempSubdirectory("netorleans-apphost-ctrlc-");
        var appHost = Path.Combine(AppContext.BaseDirectory, "NetOrleans.AppHost.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { appHost, "--silos", "2", "--redis-data", data.FullName })
        {
            info.ArgumentList.Add(arg);
        }

        // What the launch profile sets for `dotnet run`, on free loopback ports: a developer's AppHost may hold 18888.
        var ports = FreePorts(4);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ports[0]}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{ports[1]}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{ports[2]}";
        info.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{ports[3]}";
        info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";

        IReadOnlyDictionary<int, string> started;
        await using (var process = ChildProcess.Start(info, "the AppHost"))
        {
            await process.WaitForLine(l => l.StartsWith("cluster ready: 2 silos", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "cluster ready");
            started = ProcessTree.Of(process.Id);
            Assert.Equal(2, started.Values.Count(l => l.Contains("NetOrleans.Silo --address 127.0.0.1", StringComparison.Ordinal)));
            Assert.Single(started.Values, l => l.StartsWith("redis-server 127.0.0.1:", StringComparison.Ordinal));
            Assert.Single(started.Values, l => l.Contains("Aspire.Dashboard", StringComparison.Ordinal));

            process.Interrupt();
            Assert.Equal(0, await process.WaitForExit(TimeSpan.FromSeconds(30)));
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var pid in ProcessTree.Running(started.Keys))
        {
            try
            {
                using var left = Process.GetProcessById(pid);
                await left.WaitForExitAsync(deadline.Token);
            }
            catch (ArgumentException)
            {
                // gone between the listing and the lookup
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        var running = ProcessTree.Running(started.Keys);
        Assert.True(running.Count == 0, $"60 s after Ctrl-C, still running: {string.Join("; ", running.Select(p => $"{p}: {started[p]}"))}");
        data.Delete(recursive: true);
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return ports;
    }
}
