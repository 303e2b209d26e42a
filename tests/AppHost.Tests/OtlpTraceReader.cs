using System.Globalization;

namespace NetOrleans.AppHost.Tests;

/// <summary>
/// The spans of an OTLP ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1): resource_spans(1) hold a
/// resource(1) and scope_spans(2); those hold spans(2), each with trace_id(1), name(5) and attributes(9).
/// </summary>
public static class OtlpTraceReader
{
    public static List<OtlpSpan> Read(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                ReadResourceSpans(reader.Bytes(), spans);
            }
            else
            {
                reader.Skip();
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(ReadOnlySpan<byte> message, List<OtlpSpan> spans)
    {
        var resource = new Dictionary<string, string>();
        var scopes = new List<byte[]>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1 when reader.WireType == 2: resource = ResourceAttributes(reader.Bytes()); break;
                case 2 when reader.WireType == 2: scopes.Add(reader.Bytes().ToArray()); break;
                default: reader.Skip(); break;
            }
        }

        foreach (var scope in scopes)
        {
            var scopeReader = new ProtoReader(scope);
            while (scopeReader.Next())
            {
                if (scopeReader.Field == 2 && scopeReader.WireType == 2)
                {
                    spans.Add(ReadSpan(scopeReader.Bytes(), resource));
                }
                else
                {
                    scopeReader.Skip();
                }
            }
        }
    }

    private static OtlpSpan ReadSpan(ReadOnlySpan<byte> message, IReadOnlyDictionary<string, string> resource)
    {
        var (name, traceId, attributes) = ("", "", new Dictionary<string, string>());
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1 when reader.WireType == 2: traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case 5 when reader.WireType == 2: name = reader.String(); break;
                case 9 when reader.WireType == 2: ReadKeyValue(reader.Bytes(), attributes); break;
                default: reader.Skip(); break;
            }
        }

        return new OtlpSpan(resource, name, traceId, attributes);
    }

    /// <summary>The attributes(1) of a Resource message.</summary>
    public static Dictionary<string, string> ResourceAttributes(ReadOnlySpan<byte> resource)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new ProtoReader(resource);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                ReadKeyValue(reader.Bytes(), attributes);
            }
            else
            {
                reader.Skip();
            }
        }

        return attributes;
    }

    /// <summary>A KeyValue: key(1) and an AnyValue(2) whose string(1), bool(2), int(3) or double(4) is kept as text.</summary>
    private static void ReadKeyValue(ReadOnlySpan<byte> message, Dictionary<string, string> into)
    {
        var (key, value) = ("", "");
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                key = reader.String();
            }
            else if (reader.Field == 2 && reader.WireType == 2)
            {
                value = AnyValue(reader.Bytes());
            }
            else
            {
                reader.Skip();
            }
        }

        into[key] = value;
    }

    private static string AnyValue(ReadOnlySpan<byte> message)
    {
        var reader = new ProtoReader(message);
        var value = "";
        while (reader.Next())
        {
            value = (reader.Field, reader.WireType) switch
            {
                (1, 2) => reader.String(),
                (2, 0) => reader.Varint() != 0 ? "true" : "false",
                (3, 0) => ((long)reader.Varint()).ToString(CultureInfo.InvariantCulture),
                (4, 1) => BitConverter.UInt64BitsToDouble(reader.Fixed64()).ToString(CultureInfo.InvariantCulture),
                _ => Skipped(ref reader),
            };
        }

        return value;
    }

    /// <summary>An array, a key-value list or bytes: read past, kept as "".</summary>
    private static string Skipped(ref ProtoReader reader)
    {
        reader.Skip();
        return "";
    }
}
