using System.Net;
using System.Net.Sockets;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Connection;

/// <summary>
/// Whether a localhost cluster has lost its primary silo: that silo holds the cluster's membership, and no other silo
/// can take over from it, so a client that waits for the cluster to heal would wait for ever.
/// </summary>
public static class PrimaryProbe
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>One line saying the primary is gone and what to do, or null when it answers, or when the cluster has none.</summary>
    public static async Task<string?> Lost(ClusterShape? shape)
    {
        if (shape is not { Clustering: ClusterShape.Localhost, Primary: { } primary } || !IPEndPoint.TryParse(primary, out var endpoint))
        {
            return null;
        }

        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint).WaitAsync(ConnectTimeout);
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostUnreachable)
        {
            return $"the primary silo {primary} of this localhost cluster is gone, and localhost clustering cannot survive that " +
                "(Redis clustering can: silos with --redis HOST:PORT); restart the cluster (scripts/cluster.sh down; scripts/cluster.sh up N)";
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
