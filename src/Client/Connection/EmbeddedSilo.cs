using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Grains.Sizes;
using NetOrleans.Hosting;
using NetOrleans.Hosting.Http;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Client.Connection;

/// <summary>
/// The silo the console hosts in its own process when no gateway is given, with only what one command in one process
/// needs: an empty host (no configuration files, no environment variables, no logging providers, no console
/// lifetime), no gateway socket (this process's own client is the only one), memory storage and reminders,
/// and telemetry only when asked for. With `train --view` it is a web host that serves the live page and the API too.
/// </summary>
public static class EmbeddedSilo
{
    /// <summary>Builds the silo's host, not started.</summary>
    /// <param name="siloPort">a free loopback port for the silo's own endpoint (its identity in the membership table)</param>
    /// <param name="telemetry">what the process traces</param>
    /// <param name="memoryBudget">how much memory the silo's networks may take</param>
    /// <param name="http">the port and token of the live page and the API, or null for none</param>
    public static IHost Build(int siloPort, TelemetrySettings telemetry, MemoryBudgetOptions memoryBudget, (int Port, ApiToken Token)? http = null)
    {
        var settings = new SiloSettings { SiloPort = siloPort, GatewayPort = SiloSettings.NoGateway, Telemetry = telemetry, MemoryBudget = memoryBudget, HttpPort = 0 };
        if (http is { } served)
        {
            var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            web.Logging.ClearProviders();
            web.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
            return SiloHost.BuildWeb(web, settings with { HttpPort = served.Port }, served.Token);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        // Ctrl-C belongs to the command (it stops the job), not to the host, which would stop the silo under it.
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.UseOrleans(silo => silo.UseNetOrleans(settings));
        return builder.Build();
    }
}
