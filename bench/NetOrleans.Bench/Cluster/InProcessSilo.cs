using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Hosting;
using Orleans.Configuration;

namespace NetOrleans.Bench.Cluster;

/// <summary>
/// One silo hosted in this process, configured like the real one (<see cref="SiloBuilderExtensions.AddNetOrleansGrains"/>)
/// on free localhost ports; the host calls grains through its in-process client.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    /// <param name="redis">HOST:PORT of the Redis that keeps grain state and reminders, or null to keep them in memory</param>
    public static async Task<InProcessSilo> Start(string? redis = null)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error))
            .UseOrleans(silo => silo
                .UseLocalhostClustering(Ports.Free(), Ports.Free(), serviceId: "netorleans-bench", clusterId: "netorleans-bench")
                .AddNetOrleansGrains(redis)
                .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = LongCalls.Timeout))
            .Build();
        await host.StartAsync();
        return new InProcessSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
