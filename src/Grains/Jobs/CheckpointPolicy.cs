namespace NetOrleans.Grains.Jobs;

/// <summary>
/// When a job checkpoints its network: at the end of an epoch that ends at least <c>interval</c> after the last
/// checkpoint (0: every epoch), and at the end of the job. So a lost silo costs at most about one interval of work.
/// </summary>
internal sealed class CheckpointPolicy(TimeSpan interval, TimeProvider time)
{
    private long _last = time.GetTimestamp();

    /// <summary>True when the epoch that just ended should end in a checkpoint.</summary>
    public bool Due(bool lastEpoch) => lastEpoch || time.GetElapsedTime(_last) >= interval;

    /// <summary>A checkpoint was just taken (or the run went back to one).</summary>
    public void Taken() => _last = time.GetTimestamp();
}
