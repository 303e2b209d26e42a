namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A time a job went back to its network's last checkpoint after a fault, and why.</summary>
/// <param name="AtEpoch">the epoch it was in (1-based, the job's own count)</param>
/// <param name="AtBatch">the batches of that epoch it had trained</param>
/// <param name="ToEpoch">the epochs the checkpoint holds (the job's own count): it trains on from the next</param>
/// <param name="Reason">what went wrong, in one line</param>
/// <param name="At">when (UTC)</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.JobRollback")]
public sealed record JobRollback(int AtEpoch, int AtBatch, int ToEpoch, string Reason, DateTime At);
