using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using NetOrleans.Grains.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OpenTelemetry.Logs;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// Wires NetOrleans's telemetry into a silo or a client, the same way for both: grain calls carry the caller's span
/// (so that a client's span is the root of the neurons' spans), and spans and metrics go to the exporters chosen.
/// With <see cref="TelemetrySettings.Enabled"/> false nothing at all is added.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Orleans' source of application grain-call spans.</summary>
    public const string OrleansSource = "Microsoft.Orleans.Application";

    /// <summary>Adds telemetry to a silo.</summary>
    public static ISiloBuilder AddNetOrleansTelemetry(this ISiloBuilder silo, TelemetrySettings settings)
    {
        if (settings.Enabled)
        {
            silo.AddOutgoingGrainCallFilter<TraceContextFilter>();
            silo.AddActivityPropagation();
            AddExporters(silo.Services, settings);
        }

        return silo;
    }

    /// <summary>Adds telemetry to a client.</summary>
    public static IClientBuilder AddNetOrleansTelemetry(this IClientBuilder client, TelemetrySettings settings)
    {
        if (settings.Enabled)
        {
            client.AddOutgoingGrainCallFilter<TraceContextFilter>();
            client.AddActivityPropagation();
            AddExporters(client.Services, settings);
        }

        return client;
    }

    /// <summary>The NetOrleans source (and Orleans' own, if asked) with the <see cref="TrainingSampler"/>.</summary>
    public static TracerProviderBuilder AddNetOrleansSources(this TracerProviderBuilder tracing, bool orleansSpans)
    {
        tracing.AddSource(TrainingTelemetry.Name).SetSampler(new TrainingSampler());
        return orleansSpans ? tracing.AddSource(OrleansSource) : tracing;
    }

    private static void AddExporters(IServiceCollection services, TelemetrySettings settings)
    {
        services.TryAddSingleton<RecentSpans>();
        if (!settings.Exports)
        {
            return;
        }

        var serviceName = Environment.GetEnvironmentVariable(TelemetrySettings.ServiceNameVariable) is { Length: > 0 } name ? name : settings.ServiceName;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                resource.AddService(serviceName);
                if (settings.Silo is { } silo)
                {
                    resource.AddAttributes([new(TagNames.Silo, silo)]);
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddNetOrleansSources(settings.OrleansSpans);
                tracing.AddProcessor(provider => provider.GetRequiredService<RecentSpans>());
                if (settings.Console)
                {
                    tracing.AddProcessor(new SimpleActivityExportProcessor(new SpanLineExporter(Console.Error)));
                }

                if (settings.ConsoleFull)
                {
                    tracing.AddConsoleExporter();
                }

                if (settings.File is { } file)
                {
                    tracing.AddProcessor(new BatchActivityExportProcessor(new SpanFileExporter(file)));
                }

                if (settings.Otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (settings.Silo is { } silo)
                {
                    tracing.AddProcessor(new SiloTagProcessor(silo));
                }
            });
        if (settings.Otlp)
        {
            telemetry.WithMetrics(metrics => metrics.AddMeter(TrainingTelemetry.Name).AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }
    }
}
