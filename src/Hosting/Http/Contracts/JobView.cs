using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>A training job: what it trains on what, where it is, how fast, and its epochs when asked for one job.</summary>
public sealed record JobView(
    string Id,
    string Network,
    string State,
    int Epoch,
    int Epochs,
    int Batch,
    int Batches,
    double SamplesPerSecond,
    double ElapsedSeconds,
    double? EtaSeconds,
    string? TrainSet,
    string? TestSet,
    int BatchSize,
    int Recoveries,
    string? Error,
    string? Notice,
    EpochView[]? Records)
{
    public static JobView Of(JobStatus s, bool withRecords) => new(
        s.JobId,
        s.NetworkId,
        s.State.ToString().ToLowerInvariant(),
        s.Epoch,
        s.Epochs,
        s.Batch,
        s.Batches,
        s.SamplesPerSecond,
        s.Elapsed.TotalSeconds,
        Eta(s),
        s.Request?.TrainSetId,
        s.Request?.TestSetId,
        s.Request?.BatchSize ?? 0,
        s.Recoveries,
        s.Error,
        s.Notice,
        withRecords ? [.. s.Records.Select(EpochView.Of)] : null);

    /// <summary>Seconds left at the pace so far: elapsed / done x (epochs - done), done counting the current epoch's batches; null before any.</summary>
    public static double? Eta(JobStatus s)
    {
        if (s.IsFinished)
        {
            return 0;
        }

        var done = s.Epoch + (s.Batches > 0 ? (double)s.Batch / s.Batches : 0);
        return done > 0 ? s.Elapsed.TotalSeconds / done * (s.Epochs - done) : null;
    }
}
