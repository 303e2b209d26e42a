using System.Diagnostics;
using NetOrleans.Client.Cli;
using NetOrleans.Grains.Telemetry;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Client.Telemetry;

/// <summary>The client's side of tracing: the --trace option, and the command's span at the root of the trace.</summary>
public static class CommandTelemetry
{
    /// <summary>The option: --trace console, --trace console,orleans (OTLP follows OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public const string Option = "--trace";

    /// <summary>service.name of the console's process.</summary>
    public const string ServiceName = "netorleans";

    /// <summary>What --trace and the environment ask for.</summary>
    public static TelemetrySettings Settings(Arguments args)
    {
        try
        {
            return TelemetrySettings.FromEnvironment(args.Get(Option)) with { ServiceName = ServiceName };
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{args.Command}: {e.Message}");
        }
    }

    /// <summary>
    /// Starts the command's span, "netorleans.{command}", the root of everything the command makes the cluster do;
    /// null when nothing listens. Start it after the cluster connection is open (its tracer lives there).
    /// </summary>
    public static Activity? Start(string command) =>
        TrainingTelemetry.Source.StartActivity(SpanNames.CommandPrefix + command, ActivityKind.Internal, default(ActivityContext));
}
