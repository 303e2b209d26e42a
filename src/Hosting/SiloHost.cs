using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Hosting.Http;
using Orleans.Dashboard;

namespace NetOrleans.Hosting;

/// <summary>
/// Builds the silo process's host: a plain host, or a web host that also serves the HTTP API and the live page
/// (--http-port) and the Orleans dashboard (--dashboard-port; under /dashboard when it is the HTTP port).
/// </summary>
public static class SiloHost
{
    public static IHost Build(SiloSettings settings, ApiToken? token = null)
    {
        if (settings.DashboardPort is null && settings.HttpPort == 0)
        {
            var builder = Host.CreateApplicationBuilder();
            Quiet(builder.Logging);
            builder.UseOrleans(silo => silo.UseNetOrleans(settings));
            return builder.Build();
        }

        var web = WebApplication.CreateSlimBuilder();
        Quiet(web.Logging);
        return BuildWeb(web, settings, token);
    }

    /// <summary>The silo on a web host from <paramref name="web"/>, with what <paramref name="settings"/> asks it to serve over HTTP.</summary>
    public static WebApplication BuildWeb(WebApplicationBuilder web, SiloSettings settings, ApiToken? token)
    {
        var http = settings.HttpPort != 0;
        if (http)
        {
            web.AddNetOrleansHttp(settings.HttpAddress, settings.HttpPort, token ?? ApiToken.Create(settings.HttpPort));
        }

        var dashboard = settings.DashboardPort;
        var ownDashboardPort = dashboard is { } d && d != settings.HttpPort;
        if (ownDashboardPort)
        {
            web.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(settings.Address, dashboard!.Value));
        }

        web.UseOrleans(silo =>
        {
            silo.UseNetOrleans(settings);
            if (dashboard is not null)
            {
                silo.AddDashboard();
            }
        });
        var app = web.Build();
        string? dashboardUrl = null;
        if (ownDashboardPort)
        {
            app.MapOrleansDashboard().RequireHost($"*:{dashboard}");
            dashboardUrl = $"http://{settings.Address}:{dashboard}/";
        }
        else if (dashboard is not null)
        {
            app.MapOrleansDashboard(routePrefix: "/dashboard");
            dashboardUrl = "/dashboard/";
        }

        if (http)
        {
            app.MapNetOrleansHttp(settings.HttpPort, dashboardUrl);
        }

        return app;
    }

    /// <summary>Warnings and errors only, without the start-up notes that every silo here would print.</summary>
    private static void Quiet(ILoggingBuilder logging) => logging
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Orleans.Hosting.ReminderOptionsValidator", LogLevel.Error)
        .AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
}
