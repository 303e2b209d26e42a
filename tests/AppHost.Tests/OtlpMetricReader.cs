namespace NetOrleans.AppHost.Tests;

/// <summary>
/// The metric names of an OTLP ExportMetricsServiceRequest (opentelemetry/proto/collector/metrics/v1), with the
/// service.name of the process that sent them: resource_metrics(1) hold a resource(1) and scope_metrics(2), those
/// hold metrics(2), each with its name(1).
/// </summary>
public static class OtlpMetricReader
{
    /// <summary>"SERVICE METRIC" for every metric of the request.</summary>
    public static List<string> Read(ReadOnlySpan<byte> request)
    {
        var names = new List<string>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                ReadResourceMetrics(reader.Bytes(), names);
            }
            else
            {
                reader.Skip();
            }
        }

        return names;
    }

    private static void ReadResourceMetrics(ReadOnlySpan<byte> message, List<string> names)
    {
        var service = "";
        var metrics = new List<string>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                service = OtlpTraceReader.ResourceAttributes(reader.Bytes()).GetValueOrDefault("service.name", "");
            }
            else if (reader.Field == 2 && reader.WireType == 2)
            {
                metrics.AddRange(Fields(reader.Bytes(), 2).SelectMany(m => Fields(m, 1).Select(n => System.Text.Encoding.UTF8.GetString(n))));
            }
            else
            {
                reader.Skip();
            }
        }

        names.AddRange(metrics.Select(m => $"{service} {m}"));
    }

    /// <summary>The length-delimited fields numbered <paramref name="field"/> of a message.</summary>
    private static List<byte[]> Fields(ReadOnlySpan<byte> message, int field)
    {
        var fields = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == field && reader.WireType == 2)
            {
                fields.Add(reader.Bytes().ToArray());
            }
            else
            {
                reader.Skip();
            }
        }

        return fields;
    }
}
