using Microsoft.Extensions.Logging;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Jobs;

/// <summary>
/// A run's hold on its network: it claims it with the run's lease, patiently while the cluster settles or its storage
/// is away (for at most the request's storage timeout, saying so in the job's status), and gives it back.
/// </summary>
internal sealed class NetworkHold(
    JobRequest request,
    RunLease lease,
    IRunNetwork network,
    JobProgress progress,
    TimeProvider time,
    ILogger logger)
{
    private readonly TimeSpan _storageTimeout = TimeSpan.FromSeconds(request.StorageTimeoutSeconds);

    /// <summary>
    /// Claims the network, trying again while the cluster settles or its storage is away (the job says so in its
    /// status meanwhile), for at most the request's storage timeout.
    /// </summary>
    public async Task<NetworkSummary> Claim(bool resume, CancellationToken stop)
    {
        var since = DateTime.UtcNow;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            stop.ThrowIfCancellationRequested();
            try
            {
                var summary = await network.Claim(lease, resume);
                progress.Waiting(null);
                return summary;
            }
            catch (Exception e) when (JobFaults.Mendable(e) && !stop.IsCancellationRequested)
            {
                var reason = FaultText.Describe(e);
                if (time.GetElapsedTime(started) >= _storageTimeout)
                {
                    throw new TimeoutException($"the cluster or its storage has not answered for {_storageTimeout.TotalSeconds:0} s ({reason}); the job stops, and its network stays at its last checkpoint");
                }

                logger.LogWarning("job {Job}: cannot go back to the network's last checkpoint yet ({Reason})", lease.JobId, reason);
                progress.Waiting($"waiting since {since:HH:mm:ss} UTC for the cluster or its storage ({reason}); gives up at {since + _storageTimeout:HH:mm:ss} UTC");
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(250 * attempt, 2000)), time, stop);
            }
        }
    }

    /// <summary>Gives the network back, checkpointed first when <paramref name="checkpoint"/>; only a newer run's takeover is an error.</summary>
    public async Task Release(bool checkpoint)
    {
        try
        {
            await network.Release(lease, checkpoint);
        }
        catch (Exception e) when (e is not StaleRunException)
        {
            // The lease lapses anyway once this job is finished: the network asks the job before it refuses anyone.
            logger.LogWarning("job {Job}: could not release network {Network} ({Reason})", lease.JobId, request.NetworkId, FaultText.Describe(e));
        }
    }
}
