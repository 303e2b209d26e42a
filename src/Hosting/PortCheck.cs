using System.Net;
using System.Net.Sockets;

namespace NetOrleans.Hosting;

/// <summary>
/// A silo's ports must be free before it starts. Orleans's listeners ask for SocketOptionName.ReuseAddress, which .NET
/// on Linux turns into SO_REUSEADDR and SO_REUSEPORT: a second silo on the same ports binds beside the first without an
/// error, and clients split between two clusters. A probe that asks for no port sharing fails where one listens.
/// </summary>
public static class PortCheck
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>A one-line error naming the first of the silo's ports (silo, gateway, dashboard) that is in use; null when all are free.</summary>
    public static string? FirstInUse(SiloSettings settings)
    {
        var ports = new List<(string Name, IPAddress Address, int Port)> { ("silo port", settings.Address, settings.SiloPort), ("gateway port", settings.Address, settings.GatewayPort) };
        if (settings.DashboardPort is { } dashboard)
        {
            ports.Add(("dashboard port", settings.Address, dashboard));
        }

        if (settings.HttpPort != 0)
        {
            ports.Add(("http port", settings.HttpAddress, settings.HttpPort));
        }

        foreach (var (name, address, port) in ports.Where(p => p.Port != SiloSettings.NoGateway))
        {
            if (InUse(address, port))
            {
                var option = name.Replace(' ', '-');
                var off = name == "http port" ? " (0 for none)" : "";
                return $"{name} {port} on {address} is in use (another silo?): stop it or choose another with --{option}{off}";
            }
        }

        return null;
    }

    /// <summary>True when nothing listens on <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static bool IsFree(IPAddress address, int port) => !InUse(address, port);

    /// <summary>A loopback port nothing listens on, picked by the OS.</summary>
    public static int AnyFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool InUse(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (OperatingSystem.IsLinux())
        {
            // SO_REUSEADDR alone: a port that only recent connections still hold (TIME_WAIT) is free; one a listener holds is not.
            probe.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        }

        try
        {
            probe.Bind(new IPEndPoint(address, port));
            probe.Listen();
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }
}
