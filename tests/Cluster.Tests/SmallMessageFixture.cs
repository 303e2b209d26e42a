using NetOrleans.Hosting;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// Two in-process silos configured as the real ones (memory storage, whose state travels to a storage grain on either
/// silo), with Orleans' message limit cut to <see cref="MaxMessageBytes"/>: a data set a few times that size must still
/// upload, store and train, as MNIST must under the real 100 MB limit.
/// </summary>
public sealed class SmallMessageFixture : IAsyncLifetime
{
    /// <summary>The largest message body the silos and the client accept.</summary>
    public const int MaxMessageBytes = 4 << 20;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddNetOrleansGrains().Configure<SiloMessagingOptions>(o => o.MaxMessageBodySize = MaxMessageBytes);
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(o => o.MaxMessageBodySize = MaxMessageBytes);
    }
}
