using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using NetOrleans.Grains.Sizes;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Hosting;

/// <summary>
/// Reads silo settings from appsettings.json, then NETORLEANS_* environment variables, then the command line,
/// each overriding the one before: silo-port, gateway-port, primary, redis, address, advertise, dashboard-port,
/// http-port, http-address, cluster-id, service-id, trace, memory-budget. advertise is an IP address or a host name (resolved to its first IPv4 address).
/// </summary>
public static class SiloArguments
{
    /// <summary>Every setting's name.</summary>
    public static readonly string[] Names =
        ["silo-port", "gateway-port", "primary", "redis", "address", "advertise", "dashboard-port", "http-port", "http-address", "cluster-id", "service-id", "trace", "memory-budget"];

    /// <summary>The settings; a bad value is an <see cref="ArgumentException"/> that names it.</summary>
    public static SiloSettings Parse(IReadOnlyList<string> args, string? directory = null)
    {
        CheckCommandLine(args);
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("NETORLEANS_", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(k => k["NETORLEANS_".Length..].ToLowerInvariant().Replace('_', '-'), k => Environment.GetEnvironmentVariable(k));
        var configuration = new ConfigurationBuilder()
            .SetBasePath(directory ?? Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddInMemoryCollection(environment)
            .AddCommandLine([.. args])
            .Build();
        return FromConfiguration(configuration);
    }

    /// <summary>The settings a configuration holds under the names in <see cref="Names"/>.</summary>
    public static SiloSettings FromConfiguration(IConfiguration c)
    {
        var s = new SiloSettings();
        string? Get(string name) => c[name] is { Length: > 0 } v ? v : null;
        if (Get("silo-port") is { } siloPort)
        {
            s = s with { SiloPort = Port("silo-port", siloPort) };
        }

        if (Get("gateway-port") is { } gatewayPort)
        {
            s = s with { GatewayPort = Port("gateway-port", gatewayPort) };
        }

        if (Get("dashboard-port") is { } dashboardPort)
        {
            s = s with { DashboardPort = Port("dashboard-port", dashboardPort) };
        }

        if (Get("http-port") is { } httpPort)
        {
            s = s with { HttpPort = httpPort == "0" ? 0 : Port("http-port", httpPort) };
        }

        if (Get("http-address") is { } httpAddress)
        {
            s = s with { HttpAddress = Address("http-address", httpAddress) };
        }

        if (Get("primary") is { } primary)
        {
            s = s with { Primary = EndPoint("primary", primary) };
        }

        if (Get("redis") is { } redis)
        {
            _ = EndPoint("redis", redis);
            s = s with { Redis = redis };
        }

        if (Get("address") is { } address)
        {
            s = s with { Address = Address("address", address) };
        }

        if (Get("advertise") is { } advertise)
        {
            // A host name too: in a container network a silo advertises the address its own name resolves to.
            s = s with { Advertise = IPAddress.TryParse(advertise, out var ip) ? ip : Resolve("advertise", advertise) };
        }

        if (Get("placement") is { } placement)
        {
            s = s with { Placement = placement is "local" or "spread" ? placement : throw new ArgumentException($"placement: '{placement}' is not local or spread") };
        }

        if (Get("memory-budget") is { } budget)
        {
            s = s with { MemoryBudget = MemoryBudget("memory-budget", budget) };
        }

        s = s with { Telemetry = TelemetrySettings.FromEnvironment(Get("trace")) };
        return s with { ClusterId = Get("cluster-id") ?? s.ClusterId, ServiceId = Get("service-id") ?? s.ServiceId };
    }

    /// <summary>A TCP port number 1..65535.</summary>
    public static int Port(string name, string value) =>
        int.TryParse(value, out var port) && port is > 0 and < 65536 ? port : throw new ArgumentException($"{name}: '{value}' is not a port number (1-65535)");

    /// <summary>HOST:PORT, the host a name or an IP address.</summary>
    public static IPEndPoint EndPoint(string name, string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0)
        {
            throw new ArgumentException($"{name}: '{value}' is not HOST:PORT");
        }

        var host = value[..colon];
        var port = Port(name, value[(colon + 1)..]);
        return new IPEndPoint(IPAddress.TryParse(host, out var address) ? address : Resolve(name, host), port);
    }

    /// <summary>The first IPv4 address of <paramref name="host"/>.</summary>
    private static IPAddress Resolve(string name, string host)
    {
        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new ArgumentException($"{name}: host '{host}' has no IPv4 address");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ArgumentException($"{name}: cannot resolve host '{host}' ({e.Message})");
        }
    }

    /// <summary>A budget for new networks: bytes (8GB, 512MB, 1000000) or a share of the silos' available memory (25%).</summary>
    public static MemoryBudgetOptions MemoryBudget(string name, string value)
    {
        var text = value.Trim().ToUpperInvariant();
        if (text.EndsWith('%') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and <= 100)
        {
            return new MemoryBudgetOptions { Fraction = percent / 100 };
        }

        var (digits, unit) = text.EndsWith("GB", StringComparison.Ordinal) ? (text[..^2], 1L << 30)
            : text.EndsWith("MB", StringComparison.Ordinal) ? (text[..^2], 1L << 20)
            : text.EndsWith("KB", StringComparison.Ordinal) ? (text[..^2], 1L << 10)
            : (text, 1L);
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount * unit < long.MaxValue
            ? new MemoryBudgetOptions { Bytes = (long)(amount * unit) }
            : throw new ArgumentException($"{name}: '{value}' is not a size (8GB, 512MB, 1000000 bytes) or a share of the silos' available memory (25%)");
    }

    private static IPAddress Address(string name, string value) =>
        IPAddress.TryParse(value, out var a) ? a : throw new ArgumentException($"{name}: '{value}' is not an IP address");

    private static void CheckCommandLine(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..].Split('=')[0] : null;
            if (name is null || (!Names.Contains(name) && name != "placement"))
            {
                throw new ArgumentException($"unknown option '{args[i]}' (expected --{string.Join(", --", Names)}, --placement)");
            }

            if (!args[i].Contains('=') && (++i >= args.Count || args[i].StartsWith("--", StringComparison.Ordinal)))
            {
                throw new ArgumentException($"--{name} needs a value");
            }
        }
    }
}
