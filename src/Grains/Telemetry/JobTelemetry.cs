using NetOrleans.Core.Models;
using System.Diagnostics;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Telemetry;

/// <summary>
/// What a training job reports: its training.job span, a training.epoch span per epoch, and the epoch's loss and
/// accuracy. It also chooses the batches to trace, so that a long job does not flood the exporter.
/// </summary>
internal static class JobTelemetry
{
    /// <summary>
    /// Starts the job's span: under the caller's span when that is recorded (netorleans train --trace), otherwise as
    /// the root of a trace of its own (a silo that traces, a client that does not). Null when nothing listens.
    /// </summary>
    public static Activity? StartJob(ActivityContext caller, string job, JobRequest request)
    {
        if (!TrainingTelemetry.Source.HasListeners())
        {
            return null;
        }

        var parent = caller.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? caller : default;
        var span = TrainingTelemetry.Source.StartActivity(SpanNames.TrainingJob, ActivityKind.Internal, parent);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TagNames.JobId, job);
            span.SetTag(TagNames.NetworkId, request.NetworkId);
            span.SetTag(TagNames.BatchSize, request.BatchSize);
            span.SetTag(TagNames.TraceBatches, request.TraceBatches);
        }

        return span;
    }

    /// <summary>Starts an epoch's span under the job's; null when the job is not traced.</summary>
    public static Activity? StartEpoch(Activity? job, int epoch)
    {
        if (job is null)
        {
            return null;
        }

        var span = TrainingTelemetry.Source.StartActivity(SpanNames.TrainingEpoch, ActivityKind.Internal, job.Context);
        span?.SetTag(TagNames.Epoch, epoch);
        return span;
    }

    /// <summary>True when batch <paramref name="batch"/> (0-based) of an epoch is traced: the first, or every Nth.</summary>
    /// <param name="traceBatches">0: the first batch of every epoch; N: batches 0, N, 2N, ... (1: all)</param>
    /// <param name="batch">the batch's index in its epoch</param>
    public static bool Traces(int traceBatches, int batch) => traceBatches == 0 ? batch == 0 : batch % traceBatches == 0;

    /// <summary>Records an evaluated epoch: the loss and accuracy gauges, and the same on its span.</summary>
    public static void Evaluated(Activity? span, string network, EpochRecord record)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TagNames.Loss, record.TrainLoss);
            span.SetTag(TagNames.Accuracy, record.TrainAccuracy);
        }

        Record(network, "train", record.TrainLoss, record.TrainAccuracy);
        if (record.TestLoss is { } testLoss)
        {
            Record(network, "test", testLoss, record.TestAccuracy);
        }
    }

    private static void Record(string network, string split, double loss, double? accuracy)
    {
        var networkTag = new KeyValuePair<string, object?>(TagNames.NetworkId, network);
        var splitTag = new KeyValuePair<string, object?>(TagNames.Split, split);
        TrainingMetrics.Loss.Record(loss, networkTag, splitTag);
        if (accuracy is { } a)
        {
            TrainingMetrics.Accuracy.Record(a, networkTag, splitTag);
        }
    }
}
