using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetOrleans.Grains;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// The tests' own Orleans client, to look into a cluster of silo processes where the console cannot: which silo holds
/// a job's grain, and a job's full status (its recoveries).
/// </summary>
public sealed class ClusterInspector : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterInspector(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects through <paramref name="gateways"/> (127.0.0.1 ports) to the cluster <paramref name="clusterId"/>.</summary>
    public static async Task<ClusterInspector> Connect(IEnumerable<int> gateways, string clusterId)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client => client
                .UseStaticClustering(gateways.Select(port => new IPEndPoint(IPAddress.Loopback, port)).ToArray())
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = "netorleans";
                }))
            .Build();
        await host.StartAsync();
        return new ClusterInspector(host);
    }

    /// <summary>The silo port of the silo where job <paramref name="jobId"/>'s grain is active, or null when it is not.</summary>
    public async Task<int?> SiloPortOfJob(string jobId)
    {
        var stats = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var job = stats.FirstOrDefault(s => s.GrainType.StartsWith(typeof(TrainingJobGrain).FullName + ",", StringComparison.Ordinal)
            && s.GrainId.Key.ToString() == jobId);
        return job?.SiloAddress.Endpoint.Port;
    }

    /// <summary>The job's status with every epoch record.</summary>
    public Task<JobStatus> Status(string jobId) => Client.GetGrain<ITrainingJobGrain>(jobId).GetStatus(int.MaxValue);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
