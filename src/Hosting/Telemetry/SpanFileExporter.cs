using System.Diagnostics;
using System.Text.Json;
using OpenTelemetry;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// <c>--trace file:PATH</c>: appends every finished span to PATH as one <see cref="SpanRecord"/> per line (JSON Lines),
/// for <c>netorleans trace PATH</c> and for any tool that reads JSON.
/// </summary>
public sealed class SpanFileExporter : BaseExporter<Activity>
{
    private readonly StreamWriter _file;

    public SpanFileExporter(string path) =>
        _file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = false };

    /// <summary>The options the file's lines are written and read with.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override ExportResult Export(in Batch<Activity> batch)
    {
        lock (_file)
        {
            foreach (var span in batch)
            {
                _file.WriteLine(JsonSerializer.Serialize(SpanRecord.Of(span), Json));
            }

            _file.Flush();
        }

        return ExportResult.Success;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_file)
            {
                _file.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
