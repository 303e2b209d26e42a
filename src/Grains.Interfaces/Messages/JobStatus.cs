using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A training job's progress.</summary>
/// <param name="JobId">the job</param>
/// <param name="NetworkId">the network it trains</param>
/// <param name="State">where it is</param>
/// <param name="Epoch">epochs finished</param>
/// <param name="Epochs">epochs asked for</param>
/// <param name="Batch">batches finished in the current epoch (0 once the job has finished)</param>
/// <param name="Batches">batches per epoch</param>
/// <param name="SamplesPerSecond">training speed so far</param>
/// <param name="Elapsed">time spent training</param>
/// <param name="Records">epoch records after the one the caller asked from</param>
/// <param name="Error">why the job failed, or null</param>
/// <param name="Version">grows with every change, for watchers</param>
/// <param name="Rollbacks">every time the job went back to a checkpoint after a fault, and why</param>
/// <param name="Notice">what the job is waiting for right now (storage or cluster lost), or null</param>
/// <param name="Request">what the job was asked to do</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.JobStatus")]
public sealed record JobStatus(
    string JobId,
    string NetworkId,
    JobState State,
    int Epoch,
    int Epochs,
    int Batch,
    int Batches,
    double SamplesPerSecond,
    TimeSpan Elapsed,
    EpochRecord[] Records,
    string? Error,
    long Version,
    JobRollback[] Rollbacks,
    string? Notice = null,
    JobRequest? Request = null)
{
    /// <summary>True once the job will change no more.</summary>
    public bool IsFinished => State is JobState.Completed or JobState.Failed or JobState.Cancelled;

    /// <summary>How often the job went back to a checkpoint after a fault.</summary>
    public int Recoveries => Rollbacks.Length;
}
