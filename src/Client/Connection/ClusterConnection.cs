using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Client.Cli;
using NetOrleans.Silo;
using Orleans.Configuration;
using NetOrleans.Silo.Telemetry;

namespace NetOrleans.Client.Connection;

/// <summary>
/// The console's way into a cluster: through gateways when --gateway is given, otherwise a silo
/// hosted in this process (embedded), on free loopback ports.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, bool embedded)
    {
        _host = host;
        Embedded = embedded;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>Grain references of the cluster.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>True when the silo runs inside this process.</summary>
    public bool Embedded { get; }

    /// <summary>Connects to the gateways, or starts an embedded silo when there are none.</summary>
    /// <param name="gateways">HOST:PORT addresses, possibly empty</param>
    /// <param name="log">where to say which it is</param>
    /// <param name="telemetry">what this process traces (the embedded silo included); by default nothing</param>
    public static async Task<ClusterConnection> Open(IReadOnlyList<string> gateways, TextWriter log, TelemetrySettings? telemetry = null)
    {
        telemetry ??= new TelemetrySettings();
        if (gateways.Count == 0)
        {
            var settings = new SiloSettings { SiloPort = FreePort(), GatewayPort = FreePort(), Telemetry = telemetry };
            var silo = Quiet(Host.CreateDefaultBuilder()).UseOrleans(s => s.UseNetOrleans(settings)).Build();
            await silo.StartAsync();
            log.WriteLine($"embedded silo: no --gateway given, so this process hosts its own silo (silo port {settings.SiloPort})");
            return new ClusterConnection(silo, embedded: true);
        }

        var endpoints = gateways.Select(g =>
        {
            try
            {
                return SiloArguments.EndPoint("--gateway", g);
            }
            catch (Exception e) when (e is ArgumentException or SocketException)
            {
                throw new UsageException(e.Message);
            }
        }).ToArray();
        var client = Quiet(Host.CreateDefaultBuilder())
            .UseOrleansClient(c => c
                .UseStaticClustering(endpoints)
                .Configure<ClusterOptions>(o =>
                {
                    var defaults = new SiloSettings();
                    o.ClusterId = defaults.ClusterId;
                    o.ServiceId = defaults.ServiceId;
                })
                .AddNetOrleansTelemetry(telemetry))
            .Build();
        try
        {
            await client.StartAsync();
        }
        catch (Exception e)
        {
            client.Dispose();
            throw new UsageException($"cannot reach gateway {string.Join(", ", gateways)}: {Innermost(e).Message}");
        }

        return new ClusterConnection(client, embedded: false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static IHostBuilder Quiet(IHostBuilder builder) =>
        builder.ConfigureLogging(logging => logging.ClearProviders());

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
