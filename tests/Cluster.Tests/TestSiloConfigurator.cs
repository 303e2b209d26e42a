using NetOrleans.Hosting;
using Orleans.TestingHost;

namespace NetOrleans.Cluster.Tests;

/// <summary>Configures test silos as the real ones: the same grains and storage.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddNetOrleansGrains();
}
