using System.Diagnostics;
using NetOrleans.Grains.Telemetry;
using NetOrleans.Hosting.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.TestingHost;

namespace NetOrleans.Telemetry.Tests;

/// <summary>
/// One in-process test cluster whose silo and client carry spans through grain calls, and one tracer provider,
/// configured as the real ones, that exports every recorded NetOrleans span to <see cref="Spans"/>. The silo listens
/// on real sockets, so that a console can also reach it through its gateway.
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    private TracerProvider? _tracer;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Every span exported so far.</summary>
    public SpanLog Spans { get; } = new();

    public async Task InitializeAsync()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddNetOrleansSources(orleansSpans: false)
            .AddInMemoryExporter(Spans)
            .Build();
        var builder = new TestClusterBuilder(1);
        builder.Options.ClusterId = "netorleans";
        builder.Options.ServiceId = "netorleans";
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TestClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Starts a test's root span: everything the test makes the cluster do is traced under it.</summary>
    public static Activity StartRoot(string name) =>
        TrainingTelemetry.Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext))
        ?? throw new InvalidOperationException($"the root span '{name}' was not recorded: is the tracer provider built?");

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _tracer?.Dispose();
    }
}
