using System.Diagnostics;
using OpenTelemetry;

namespace NetOrleans.Hosting.Telemetry;

/// <summary>
/// Writes every finished span as one <see cref="SpanLine"/> to a writer (standard error for <c>--trace console</c>),
/// so that a command's own lines on standard output stay readable.
/// </summary>
public sealed class SpanLineExporter(TextWriter writer) : BaseExporter<Activity>
{
    public override ExportResult Export(in Batch<Activity> batch)
    {
        lock (writer)
        {
            foreach (var span in batch)
            {
                writer.WriteLine(SpanLine.Format(span));
            }

            writer.Flush();
        }

        return ExportResult.Success;
    }
}
