using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetOrleans.AppHost;

/// <summary>
/// A silo is healthy once its gateway accepts a TCP connection on 127.0.0.1: Orleans opens the gateway last, when
/// the silo has joined the cluster and clients can be served.
/// </summary>
public sealed class GatewayHealthCheck(EndpointReference gateway) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!gateway.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("the gateway's port is not allocated yet");
        }

        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", gateway.Port, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException e)
        {
            return HealthCheckResult.Unhealthy($"gateway 127.0.0.1:{gateway.Port} refuses connections ({e.SocketErrorCode})");
        }
    }
}
