using System.Diagnostics;
using System.Globalization;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// A finished span as <c>--trace file:PATH</c> keeps it, one JSON object per line: what <c>netorleans trace</c> reads.
/// Tag values are text (numbers in round-trip form; arrays such as z and a as their values joined by commas).
/// </summary>
public sealed record SpanRecord(
    string Name, string Display, DateTime Start, double DurationMs, string TraceId, string SpanId, string? ParentId,
    Dictionary<string, string> Tags)
{
    /// <summary>The record of a finished span.</summary>
    public static SpanRecord Of(Activity span) => new(
        span.OperationName, span.DisplayName, span.StartTimeUtc, span.Duration.TotalMilliseconds, span.TraceId.ToHexString(),
        span.SpanId.ToHexString(), span.ParentSpanId == default ? null : span.ParentSpanId.ToHexString(),
        span.TagObjects.ToDictionary(t => t.Key, t => Text(t.Value)));

    /// <summary>A numeric tag's value, or null when the span does not have it.</summary>
    public double? Number(string tag) =>
        Tags.TryGetValue(tag, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string Text(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        double[] values => string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
