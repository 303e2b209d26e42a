using System.Diagnostics;

namespace NetOrleans.Grains.Telemetry;

/// <summary>What a network grain reports: its network.train_batch and network.predict spans, and the batch metrics.</summary>
internal static class NetworkTelemetry
{
    /// <summary>Starts a network span under the caller's span, if the caller's call is traced.</summary>
    public static Activity? Start(string name, string network, int batch)
    {
        var span = TrainingTelemetry.StartChild(name);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TagNames.NetworkId, network);
            span.SetTag(TagNames.BatchSize, batch);
        }

        return span;
    }

    /// <summary>Records a trained batch: its loss on the span, its samples and its duration.</summary>
    /// <param name="span">the network.train_batch span, or null</param>
    /// <param name="network">the network's id</param>
    /// <param name="batch">B</param>
    /// <param name="loss">the batch loss before the step</param>
    /// <param name="started">the <see cref="Stopwatch.GetTimestamp"/> when the batch began</param>
    public static void Trained(Activity? span, string network, int batch, double loss, long started)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TagNames.Loss, loss);
        }

        var tag = new KeyValuePair<string, object?>(TagNames.NetworkId, network);
        TrainingMetrics.Samples.Add(batch, tag);
        if (TrainingMetrics.BatchDuration.Enabled)
        {
            TrainingMetrics.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        }
    }
}
