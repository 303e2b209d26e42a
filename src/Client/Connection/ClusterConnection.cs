using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetOrleans.Client.Cli;
using NetOrleans.Grains.Sizes;
using NetOrleans.Hosting;
using NetOrleans.Hosting.Http;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Client.Connection;

/// <summary>
/// The console's way into a cluster: through gateways when --gateway is given, otherwise a silo
/// hosted in this process (embedded), on free loopback ports.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>How long a client waits for its gateways to let it go.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly IHost _host;
    private readonly StageClock _clock;

    private ClusterConnection(IHost host, bool embedded, StageClock clock, string? pageUrl = null)
    {
        PageUrl = pageUrl;
        _host = host;
        _clock = clock;
        Embedded = embedded;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>Grain references of the cluster.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>The live page's link with its token (train --view), or null.</summary>
    public string? PageUrl { get; }

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
    /// <param name="view">the embedded silo serves the live page and the API (train --view), or null</param>
    public static async Task<ClusterConnection> Open(
        IReadOnlyList<string> gateways, TextWriter log, TelemetrySettings? telemetry = null, StageClock? clock = null, string? whyEmbedded = null,
        LiveView? view = null)
    {
        telemetry ??= new TelemetrySettings();
        clock ??= StageClock.Off;
        if (gateways.Count == 0)
        {
            var siloPort = PortCheck.AnyFree();
            (int Port, ApiToken Token)? http = null;
            if (view is not null)
            {
                var port = view.Choose();
                http = (port, ApiToken.Create(port));
            }

            var silo = EmbeddedSilo.Build(siloPort, telemetry, EmbeddedMemoryBudget(), http);
            clock.Mark("embedded silo: host built");
            await silo.StartAsync();
            clock.Mark("embedded silo: started");
            log.WriteLine($"embedded silo: {whyEmbedded ?? "no --gateway given, so this process hosts its own silo"} (silo port {siloPort})");
            var page = http is { } h ? PageLink.Url(IPAddress.Loopback, h.Port, h.Token) : null;
            return new ClusterConnection(silo, embedded: true, clock, page);
        }

        var client = await GatewayClient.Start(gateways, telemetry, clock);
        return new ClusterConnection(client, embedded: false, clock);
    }

    /// <summary>
    /// <see cref="Open"/> while <paramref name="prepare"/> (reading the data or the model) runs on this thread: an
    /// embedded silo starts meanwhile on another. The note on which silo is used comes after both have succeeded; when
    /// <paramref name="prepare"/> throws, the silo is stopped again and that error is the one thrown.
    /// </summary>
    public static async Task<(ClusterConnection Cluster, T Prepared)> OpenWhile<T>(
        IReadOnlyList<string> gateways, TextWriter log, TelemetrySettings telemetry, StageClock clock, Func<T> prepare, LiveView? view = null)
    {
        if (gateways.Count > 0)
        {
            var ready = prepare();
            return (await Open(gateways, log, telemetry, clock), ready);
        }

        var note = new StringWriter();
        var opening = Task.Run(() => Open(gateways, note, telemetry, clock, view: view));
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
}
