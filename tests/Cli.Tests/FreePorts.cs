using System.Net;
using System.Net.Sockets;

namespace NetOrleans.Cli.Tests;

/// <summary>Loopback ports that nothing listens on, found by letting the OS pick them.</summary>
public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct free ports (all bound at once, then released).</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>One free port.</summary>
    public static int One() => Take(1)[0];
}
