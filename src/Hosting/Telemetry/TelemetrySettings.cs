namespace NetOrleans.Hosting.Telemetry;

/// <summary>What a process traces and where it sends it; everything is off by default, and off costs nothing.</summary>
public sealed record TelemetrySettings
{
    /// <summary>The variable that switches OTLP export on; the exporter reads it and the other OTEL_EXPORTER_OTLP_* itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Print every finished span as one line on standard error (--trace console).</summary>
    public bool Console { get; init; }

    /// <summary>Print every finished span in full, as OpenTelemetry's console exporter does, on standard output (--trace console-full).</summary>
    public bool ConsoleFull { get; init; }

    /// <summary>Append every finished span to this file as a line of JSON (--trace file:PATH), or null.</summary>
    public string? File { get; init; }

    /// <summary>Export spans and metrics over OTLP (<see cref="OtlpEndpointVariable"/> is set).</summary>
    public bool Otlp { get; init; }

    /// <summary>Record Orleans' own grain-call spans (Microsoft.Orleans.Application) too (--trace orleans).</summary>
    public bool OrleansSpans { get; init; }

    /// <summary>
    /// Send the current span with every grain call even with no exporter: netorleans explain collects the neurons'
    /// spans in its own process.
    /// </summary>
    public bool Propagation { get; init; }

    /// <summary>The variable that names the process to its collector (the AppHost sets it to each silo's resource name).</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>service.name on the Resource of everything exported, unless <see cref="ServiceNameVariable"/> gives another.</summary>
    public string ServiceName { get; init; } = "netorleans-silo";

    /// <summary>A silo's own endpoint (HOST:PORT), tagged on its Resource and on every NetOrleans span it records; null in a client.</summary>
    public string? Silo { get; init; }

    /// <summary>True when spans leave the process.</summary>
    public bool Exports => Console || ConsoleFull || File is not null || Otlp;

    /// <summary>True when grain calls carry spans.</summary>
    public bool Enabled => Exports || Propagation;

    /// <summary>
    /// The settings of a --trace value (comma-separated: console, console-full, file:PATH, orleans; or none) and of the environment's
    /// <see cref="OtlpEndpointVariable"/>; a bad value is an <see cref="ArgumentException"/> that names it.
    /// </summary>
    public static TelemetrySettings Parse(string? trace, string? otlpEndpoint)
    {
        var settings = new TelemetrySettings { Otlp = !string.IsNullOrWhiteSpace(otlpEndpoint) };
        foreach (var value in (trace ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (value.StartsWith(FilePrefix, StringComparison.OrdinalIgnoreCase))
            {
                var path = value[FilePrefix.Length..];
                if (path.Length == 0 || Directory.Exists(path) || Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
                {
                    throw new ArgumentException($"trace: file:{path} needs the path of a file in a folder that exists (file:spans.jsonl)");
                }

                settings = settings with { File = path };
                continue;
            }

            settings = value.ToLowerInvariant() switch
            {
                "console" => settings with { Console = true },
                "console-full" => settings with { ConsoleFull = true },
                "orleans" => settings with { OrleansSpans = true },
                "none" => settings,
                _ => throw new ArgumentException($"trace: '{value}' is not console, console-full, file:PATH, orleans or none"),
            };
        }

        if (settings.OrleansSpans && !settings.Exports)
        {
            throw new ArgumentException($"trace: orleans needs console, console-full, file:PATH or {OtlpEndpointVariable} to send the spans somewhere");
        }

        return settings;
    }

    private const string FilePrefix = "file:";

    /// <summary><see cref="Parse"/> with the OTLP endpoint from this process's environment.</summary>
    public static TelemetrySettings FromEnvironment(string? trace) =>
        Parse(trace, Environment.GetEnvironmentVariable(OtlpEndpointVariable));
}
