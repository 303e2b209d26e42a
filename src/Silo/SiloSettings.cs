using System.Net;
using NetOrleans.Silo.Telemetry;

namespace NetOrleans.Silo;

/// <summary>How a silo is run: its ports, its cluster, and where it finds the primary silo.</summary>
public sealed record SiloSettings
{
    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>The port clients connect to.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The primary silo of localhost clustering; null when this silo is the primary.</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>The address silos and gateways listen on.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    public string ClusterId { get; init; } = "netorleans";

    public string ServiceId { get; init; } = "netorleans";

    /// <summary>Spans and metrics (trace console|orleans, and OTEL_EXPORTER_OTLP_ENDPOINT); off by default.</summary>
    public TelemetrySettings Telemetry { get; init; } = new();
}
