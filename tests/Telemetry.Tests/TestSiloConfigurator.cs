using NetOrleans.Hosting;
using NetOrleans.Hosting.Telemetry;
using Orleans.TestingHost;

namespace NetOrleans.Telemetry.Tests;

/// <summary>Test silos as the real ones, with grain calls carrying spans; the fixture's tracer exports them.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.AddNetOrleansGrains().AddNetOrleansTelemetry(new TelemetrySettings { Propagation = true });
}
