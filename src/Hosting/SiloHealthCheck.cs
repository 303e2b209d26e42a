using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace NetOrleans.Hosting;

/// <summary>GET /health: healthy while the cluster's membership holds this silo as active (joining, shutting down or dead is not).</summary>
public sealed class SiloHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}"));
    }
}
