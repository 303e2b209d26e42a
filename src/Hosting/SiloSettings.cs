using System.Net;
using NetOrleans.Grains.Sizes;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Hosting;

/// <summary>
/// How a silo is run. Each setting has one name on the command line (--silo-port), in appsettings.json
/// ("silo-port") and in the environment (NETORLEANS_SILO_PORT).
/// </summary>
public sealed record SiloSettings
{
    /// <summary>The silo-to-silo port (silo-port).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>The <see cref="GatewayPort"/> of a silo that no client connects to from outside its process.</summary>
    public const int NoGateway = 0;

    /// <summary>The port clients connect to (gateway-port); <see cref="NoGateway"/> for none.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The primary silo of localhost clustering (primary); null when this silo is the primary.</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>Redis for membership, grain state and reminders (redis, HOST:PORT); null for localhost clustering and memory storage.</summary>
    public string? Redis { get; init; }

    /// <summary>The address silos and gateways listen on (address).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The address other silos and clients reach this one at (advertise: an IP address or a host name); by default <see cref="Address"/>.</summary>
    public IPAddress? Advertise { get; init; }

    /// <summary>The Orleans dashboard's HTTP port (dashboard-port); null for no dashboard.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>The default <see cref="HttpPort"/>.</summary>
    public const int DefaultHttpPort = 8081;

    /// <summary>The port of the JSON API and the live page (http-port); 0 for none.</summary>
    public int HttpPort { get; init; } = DefaultHttpPort;

    /// <summary>The address the JSON API and the live page listen on (http-address).</summary>
    public IPAddress HttpAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Keep a network's neurons on its own silo instead of spreading them (placement local|spread).</summary>
    public string Placement { get; init; } = "spread";

    /// <summary>What new networks may take of the silos' memory (memory-budget: 8GB, or 25% of what they have available); by default half.</summary>
    public MemoryBudgetOptions MemoryBudget { get; init; } = new();

    public string ClusterId { get; init; } = "netorleans";

    public string ServiceId { get; init; } = "netorleans";

    /// <summary>Spans and metrics (trace console|orleans, and OTEL_EXPORTER_OTLP_ENDPOINT); off by default.</summary>
    public TelemetrySettings Telemetry { get; init; } = new();
}
