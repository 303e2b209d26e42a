using Microsoft.Extensions.Configuration;
using NetOrleans.Hosting.Telemetry;
using Orleans.TestingHost;

namespace NetOrleans.Telemetry.Tests;

/// <summary>The test cluster's client sends its current span with every call, as the console does.</summary>
public sealed class TestClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.AddNetOrleansTelemetry(new TelemetrySettings { Propagation = true });
}
