using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace NetOrleans.AppHost;

/// <summary>What the AppHost prints once every silo is healthy: the gateways and the command that trains on them.</summary>
public static class ClusterReport
{
    /// <summary>Waits for every silo to be healthy, then prints their gateways; returns early when the AppHost stops.</summary>
    public static async Task WhenReady(DistributedApplication app, IReadOnlyList<IResourceBuilder<ProjectResource>> silos)
    {
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            await Task.WhenAll(silos.Select(s => notifications.WaitForResourceHealthyAsync(s.Resource.Name, stopping)));
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var gateways = silos.Select(s => $"127.0.0.1:{s.GetEndpoint(SiloExtensions.GatewayEndpoint).Port}").ToList();
        Console.WriteLine($"cluster ready: {silos.Count} silos, gateways {string.Join(' ', gateways)}");
        Console.WriteLine($"  netorleans train --data mnist {string.Join(' ', gateways.Select(g => $"--gateway {g}"))}");
        Console.WriteLine($"  or: export {GatewayVariable}={string.Join(',', gateways)}");
        Console.WriteLine("Ctrl-C stops Redis, the silos and the dashboard.");
    }

    private const string GatewayVariable = "NETORLEANS_GATEWAY";
}
