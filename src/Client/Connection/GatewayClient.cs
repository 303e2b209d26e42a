using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Client.Cli;
using NetOrleans.Hosting;
using NetOrleans.Hosting.Telemetry;
using Orleans.Configuration;
using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;

namespace NetOrleans.Client.Connection;

/// <summary>
/// An Orleans client of the silos behind --gateway: under the cluster's names (from the same variables the silos
/// read), quick to give up on a gateway nobody listens on, and saying in one line why it could not connect.
/// </summary>
internal static class GatewayClient
{
    /// <summary>How many times a failed first connection to the gateways is tried again, <see cref="ConnectRetryDelay"/> apart.</summary>
    private const int ConnectRetries = 2;

    /// <summary>Longer than Orleans's own pause after a failed connection (ConnectionOptions.ConnectionRetryDelay, 1 s), so each retry really connects.</summary>
    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromSeconds(1.5);

    /// <summary>Starts a client of <paramref name="gateways"/> (HOST:PORT, at least one); a usage error when none answers.</summary>
    /// <param name="telemetry">what this process traces</param>
    /// <param name="clock">the --verbose stopwatch log</param>
    public static async Task<IHost> Start(IReadOnlyList<string> gateways, TelemetrySettings telemetry, StageClock clock)
    {
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

        return client;
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
}
