using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using Orleans;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// Follows a job from the test's own client while silos die: each answer is awaited (the job's own update signal),
/// and a call that a lost silo breaks is asked again through the silos that are left.
/// </summary>
public sealed class JobFollower(IClusterClient client, string jobId)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private ITrainingJobGrain Job => client.GetGrain<ITrainingJobGrain>(jobId);

    /// <summary>The first status with more than <paramref name="epochs"/> epochs, or finished.</summary>
    public Task<JobStatus> After(int epochs, TimeSpan timeout) => Until(s => s.Epoch > epochs || s.IsFinished, timeout, $"epoch {epochs + 1}");

    /// <summary>The status now, with every epoch record.</summary>
    public Task<JobStatus> Now() => Until(_ => true, TimeSpan.FromMinutes(2), "an answer");

    /// <summary>The first status that <paramref name="done"/> accepts; an error naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public async Task<JobStatus> Until(Func<JobStatus, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        JobStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var status = last is null
                    ? await Job.GetStatus(0).WaitAsync(CallTimeout)
                    : await Job.WaitForUpdate(last.Version, int.MaxValue, TimeSpan.FromSeconds(5)).WaitAsync(CallTimeout);
                if (done(status))
                {
                    return status;
                }

                last = status;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException or InvalidOperationException)
            {
                // The job's silo (or the gateway) was lost: ask afresh, the job answers from wherever it resumes.
                last = null;
                await Task.Delay(RetryDelay);
            }
        }

        throw new TimeoutException($"job {jobId} did not reach {what} within {timeout.TotalSeconds:F0} s; last seen: {last}");
    }
}
