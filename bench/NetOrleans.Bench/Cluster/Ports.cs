using System.Net;
using System.Net.Sockets;

namespace NetOrleans.Bench.Cluster;

/// <summary>Free loopback ports, so that the benchmark never collides with a silo someone else is running.</summary>
public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
