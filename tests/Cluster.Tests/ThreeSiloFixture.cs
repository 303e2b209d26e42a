using Orleans.TestingHost;

namespace NetOrleans.Cluster.Tests;

/// <summary>A cluster of three in-process silos with storage that survives a killed silo.</summary>
public sealed class ThreeSiloFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<FaultTolerantSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
