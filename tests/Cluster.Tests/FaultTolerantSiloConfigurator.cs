using Microsoft.Extensions.DependencyInjection;
using NetOrleans.Grains;
using NetOrleans.Hosting;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace NetOrleans.Cluster.Tests;

/// <summary>Silos whose storage survives them and whose membership notices a dead silo within seconds.</summary>
public sealed class FaultTolerantSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddGrainStorage(StorageNames.Store, (sp, _) => new SharedMemoryGrainStorage(sp.GetRequiredService<DeepCopier>()));
        siloBuilder.AddNetOrleansReminders();
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
        siloBuilder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
    }
}
