using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>A server-side training run, key = job id. The client watches it.</summary>
[Alias("NetOrleans.ITrainingJobGrain")]
public interface ITrainingJobGrain : IGrainWithStringKey
{
    /// <summary>Checks the request and starts the run; returns at once.</summary>
    [Alias("Start")]
    Task<JobStatus> Start(JobRequest request);

    /// <summary>
    /// The progress now, with this job's epoch records after its first <paramref name="afterEpoch"/>; answered at once,
    /// also while the job is busy going back to a checkpoint after a lost silo.
    /// </summary>
    [AlwaysInterleave, Alias("GetStatus")]
    Task<JobStatus> GetStatus(int afterEpoch);

    /// <summary>
    /// Waits until the job's version passes <paramref name="afterVersion"/> (or <paramref name="timeout"/> ends, and
    /// never longer than 20 s, well inside a call's 30 s response timeout), then returns its progress
    /// with this job's epoch records after its first <paramref name="afterEpoch"/>. Versions only grow, also across
    /// the job grain's activations (a job resumed on another silo).
    /// </summary>
    [AlwaysInterleave, Alias("WaitForUpdate")]
    Task<JobStatus> WaitForUpdate(long afterVersion, int afterEpoch, TimeSpan timeout);

    /// <summary>Stops the run after the batch in flight.</summary>
    [AlwaysInterleave, Alias("Cancel")]
    Task<JobStatus> Cancel();
}
