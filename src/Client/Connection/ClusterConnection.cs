using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Client.Cli;
using NetOrleans.Grains.Sizes;
using NetOrleans.Silo;
using NetOrleans.Silo.Telemetry;
using Orleans.Configuration;
using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;

namespace NetOrleans.Client.Connection;

/// <summary>
/// The console's way into a cluster: through gateways when --gateway is given, otherwise a silo
/// hosted in this process (embedded), on free loopback ports.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>How many times a failed first connection to the gateways is tried again, <see cref="ConnectRetryDelay"/> apart.</summary>
    private const int ConnectRetries = 2;

    /// <summary>Longer than Orleans's own pause after a failed connection (ConnectionOptions.ConnectionRetryDelay, 1 s), so each retry really connects.</summary>
    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromSeconds(1.5);

    /// <summary>How long a client waits for its gateways to let it go.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly IHost _host;
    private readonly StageClock _clock;

    private ClusterConnection(IHost host, bool embedded, StageClock clock)
    {
        _host = host;
        _clock = clock;
        Embedded = embedded;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>Grain references of the cluster.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>True when the silo runs inside this process.</summary>
    public bool Embedded { get; }

    /// <summary>The embedded silo's memory budget for new networks: NETORLEANS_MEMORY_BUDGET (8GB, 25%), as a separate silo reads it; by default half of what it has available.</summary>
    private static MemoryBudgetOptions EmbeddedMemoryBudget()
    {
        const string variable = "NETORLEANS_MEMORY_BUDGET";
        try
        {
            return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? SiloArguments.MemoryBudget(variable, value) : new();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Connects to the gateways, or starts an embedded silo when there are none.</summary>
    /// <param name="gateways">HOST:PORT addresses, possibly empty</param>
    /// <param name="log">where to say which it is</param>
    /// <param name="telemetry">what this process traces (the embedded silo included); by default nothing</param>
    /// <param name="clock">the --verbose stopwatch log</param>
    /// <param name="whyEmbedded">why this process hosts a silo, for the note that says so; by default: no --gateway given</param>
    public static async Task<ClusterConnection> Open(
        IReadOnlyList<string> gateways, TextWriter log, TelemetrySettings? telemetry = null, StageClock? clock = null, string? whyEmbedded = null)
    {
        telemetry ??= new TelemetrySettings();
        clock ??= StageClock.Off;
        if (gateways.Count == 0)
        {
            var siloPort = FreePort();
            var silo = EmbeddedSilo.Build(siloPort, telemetry, EmbeddedMemoryBudget());
            clock.Mark("embedded silo: host built");
            await silo.StartAsync();
            clock.Mark("embedded silo: started");
            log.WriteLine($"embedded silo: {whyEmbedded ?? "no --gateway given, so this process hosts its own silo"} (silo port {siloPort})");
            return new ClusterConnection(silo, embedded: true, clock);
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
                .UseConnectionRetryFilter(RetryBriefly())
                .Configure<ClusterOptions>(o =>
                {
                    // The silos' names for the cluster, from the same variables the silos read (NETORLEANS_CLUSTER_ID, ...).
                    var defaults = new SiloSettings();
                    o.ClusterId = FromEnvironment("NETORLEANS_CLUSTER_ID") ?? defaults.ClusterId;
                    o.ServiceId = FromEnvironment("NETORLEANS_SERVICE_ID") ?? defaults.ServiceId;
                })
                .AddNetOrleansTelemetry(telemetry))
            .Build();
        clock.Mark("client: host built");
        try
        {
            await client.StartAsync();
            clock.Mark("client: connected");
        }
        catch (Exception e)
        {
            client.Dispose();
            throw new UsageException($"cannot reach gateway {string.Join(", ", gateways)}: {WhyNot(e)}");
        }

        return new ClusterConnection(client, embedded: false, clock);
    }

    /// <summary>
    /// <see cref="Open"/> while <paramref name="prepare"/> (reading the data or the model) runs on this thread: an
    /// embedded silo starts meanwhile on another. The note on which silo is used comes after both have succeeded; when
    /// <paramref name="prepare"/> throws, the silo is stopped again and that error is the one thrown.
    /// </summary>
    public static async Task<(ClusterConnection Cluster, T Prepared)> OpenWhile<T>(
        IReadOnlyList<string> gateways, TextWriter log, TelemetrySettings telemetry, StageClock clock, Func<T> prepare)
    {
        if (gateways.Count > 0)
        {
            var ready = prepare();
            return (await Open(gateways, log, telemetry, clock), ready);
        }

        var note = new StringWriter();
        var opening = Task.Run(() => Open(gateways, note, telemetry, clock));
        T prepared;
        try
        {
            prepared = prepare();
        }
        catch
        {
            await Discard(opening);
            throw;
        }

        var cluster = await opening;
        log.Write(note.ToString());
        return (cluster, prepared);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // An embedded silo's state lives and dies with this process, and the command has read what it needed:
            // a cancelled token stops it without deactivating every grain first (Orleans' non-graceful stop).
            using var stop = new CancellationTokenSource(StopTimeout);
            if (Embedded)
            {
                await stop.CancelAsync();
            }

            await _host.StopAsync(stop.Token);
            _clock.Mark(Embedded ? "embedded silo: stopped" : "client: stopped");
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>
    /// Tries a failed first connection again <see cref="ConnectRetries"/> times and then gives up, so that a gateway
    /// nobody listens on is an error within seconds (the Orleans default, 15 retries with linear back-off, takes
    /// three minutes).
    /// </summary>
    private static Func<Exception, CancellationToken, Task<bool>> RetryBriefly()
    {
        var retries = 0;
        return async (exception, cancellationToken) =>
        {
            if (exception is not (ConnectionFailedException or OrleansMessageRejectionException) || ++retries > ConnectRetries)
            {
                return false;
            }

            await Task.Delay(ConnectRetryDelay, cancellationToken);
            return true;
        };
    }

    /// <summary>No logging, and no hold on Ctrl-C.</summary>
    private static IHostBuilder Quiet(IHostBuilder builder) => builder
        .ConfigureLogging(logging => logging.ClearProviders())
        .ConfigureServices(services => services.AddSingleton<IHostLifetime, NoSignalLifetime>());

    /// <summary>Stops a connection that is no longer wanted, and says nothing of its own failure: another error is on its way.</summary>
    private static async Task Discard(Task<ClusterConnection> opening)
    {
        try
        {
            await (await opening).DisposeAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The caller throws the error that made the connection unwanted.
        }
    }

    private static string? FromEnvironment(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Why the connection failed. A gateway of another cluster accepts the connection and closes it in the handshake,
    /// which Orleans reports as "Connection terminated prematurely" or "Underlying connection closed"; a gateway that
    /// nobody listens on fails in the socket (SocketConnectionException).
    /// </summary>
    private static string WhyNot(Exception e)
    {
        var innermost = Innermost(e);
        if (Chain(e).Any(x => x is SocketConnectionException or SocketException or TimeoutException))
        {
            return innermost.Message;
        }

        var clusterId = FromEnvironment("NETORLEANS_CLUSTER_ID") ?? new SiloSettings().ClusterId;
        return $"the gateway closed the connection in the handshake ({innermost.Message}): its silos may run under another cluster id than '{clusterId}' " +
            "(set NETORLEANS_CLUSTER_ID, and NETORLEANS_SERVICE_ID if that differs too, to the silos' --cluster-id and --service-id)";
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
