using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace NetOrleans.AppHost;

/// <summary>What the AppHost prints once every silo is healthy: the gateways and the command that trains on them.</summary>
public static class ClusterReport
{
    /// <summary>Waits for every silo to be healthy, then prints their gateways; returns early when the AppHost stops.</summary>
    /// <param name="pageToken">the token of the live page that the first silo serves</param>
    /// <param name="console">the variables that send the console's own spans to the dashboard, or null without one</param>
    public static async Task WhenReady(DistributedApplication app, IReadOnlyList<IResourceBuilder<ProjectResource>> silos, string pageToken, ConsoleTelemetry? console)
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
        if (console is not null)
        {
            Console.WriteLine($"  the console's own spans join the job's trace in the dashboard with: export {console.Variables}");
        }

        Console.WriteLine($"live page of silo-0: http://127.0.0.1:{silos[0].GetEndpoint(SiloExtensions.LivePageEndpoint).Port}/?token={pageToken}");
        Console.WriteLine("Ctrl-C stops Redis, the silos and the dashboard.");
    }

    private const string GatewayVariable = "NETORLEANS_GATEWAY";
}
