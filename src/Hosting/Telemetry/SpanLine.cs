using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// One finished span as one line a person can read between epoch lines:
/// <c>17:55:02.113   0.041 ms  neuron.backward L1/N0  batch.size=1 gradient.norm=0.0123 weight.norm=1.02</c>
/// (tags without their <c>netorleans.</c> prefix, layer and neuron only in the name; arrays shown by their length).
/// </summary>
public static class SpanLine
{
    private const string TagPrefix = "netorleans.";

    /// <summary>The line of <paramref name="span"/>, without a line end.</summary>
    public static string Format(Activity span)
    {
        var line = new StringBuilder()
            .Append(span.StartTimeUtc.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append(span.Duration.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture).PadLeft(10))
            .Append(" ms  ")
            .Append(span.DisplayName);
        foreach (var (key, value) in span.TagObjects.Where(t => t.Key is not (TagNames.Layer or TagNames.Neuron)))
        {
            line.Append(' ').Append(key.StartsWith(TagPrefix, StringComparison.Ordinal) ? key[TagPrefix.Length..] : key).Append('=').Append(Value(value));
        }

        return line.ToString();
    }

    private static string Value(object? value) => value switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        Array a => $"[{a.Length} values]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
