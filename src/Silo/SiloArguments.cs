using System.Net;
using NetOrleans.Silo.Telemetry;

namespace NetOrleans.Silo;

/// <summary>Reads silo settings from the command line: --silo-port, --gateway-port, --primary, --cluster-id, --service-id, --trace.</summary>
public static class SiloArguments
{
    /// <summary>The settings the arguments give; a bad argument is an <see cref="ArgumentException"/> naming it.</summary>
    public static SiloSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new SiloSettings { Telemetry = TelemetrySettings.FromEnvironment(null) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            settings = name switch
            {
                "--silo-port" => settings with { SiloPort = Port(name, Value()) },
                "--gateway-port" => settings with { GatewayPort = Port(name, Value()) },
                "--primary" => settings with { Primary = EndPoint(name, Value()) },
                "--cluster-id" => settings with { ClusterId = Value() },
                "--service-id" => settings with { ServiceId = Value() },
                "--trace" => settings with { Telemetry = TelemetrySettings.FromEnvironment(Value()) },
                "--address" => settings with { Address = IPAddress.TryParse(Value(), out var a) ? a : throw new ArgumentException($"{name}: '{args[i]}' is not an IP address") },
                _ => throw new ArgumentException($"unknown option '{name}' (expected --silo-port, --gateway-port, --primary, --address, --cluster-id, --service-id, --trace)"),
            };
        }

        return settings;
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
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        var resolved = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            ?? throw new ArgumentException($"{name}: cannot resolve host '{host}'");
        return new IPEndPoint(resolved, port);
    }
}
