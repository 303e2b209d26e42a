using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Dashboard;

namespace NetOrleans.Silo;

/// <summary>Builds the silo process's host: a plain host, or a web host serving the Orleans dashboard too.</summary>
public static class SiloHost
{
    public static IHost Build(SiloSettings settings)
    {
        if (settings.DashboardPort is not { } port)
        {
            var builder = Host.CreateApplicationBuilder();
            Quiet(builder.Logging);
            builder.UseOrleans(silo => silo.UseNetOrleans(settings));
            return builder.Build();
        }

        var web = WebApplication.CreateSlimBuilder();
        Quiet(web.Logging);
        web.WebHost.UseUrls($"http://{settings.Address}:{port}");
        web.UseOrleans(silo => silo.UseNetOrleans(settings).AddDashboard());
        var app = web.Build();
        app.MapOrleansDashboard();
        return app;
    }

    /// <summary>Warnings and errors only, without the start-up notes that every silo here would print.</summary>
    private static void Quiet(ILoggingBuilder logging) => logging
        .SetMinimumLevel(LogLevel.Warning)
        .AddFilter("Orleans.Hosting.ReminderOptionsValidator", LogLevel.Error)
        .AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
}
