using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.State;

namespace NetOrleans.Grains.Networks;

/// <summary>
/// Who may train a network: the run of a job that holds its lease (stored with the network), or, when no unfinished
/// job holds it, anyone through the direct calls. A lease whose job has finished is free to take.
/// </summary>
internal sealed class NetworkLeases(string networkId, IGrainFactory grains)
{
    /// <summary>Refuses <paramref name="lease"/> when another run of the same job took over, or another unfinished job holds the network.</summary>
    public async Task CheckClaim(NetworkState stored, RunLease lease)
    {
        if (stored.Lease is not { } held || held == lease)
        {
            return;
        }

        if (held.JobId == lease.JobId && held.Generation > lease.Generation)
        {
            throw new StaleRunException($"{lease} was taken over by its run {held.Generation}");
        }

        if (held.JobId != lease.JobId && await StillRunning(held))
        {
            throw new InvalidOperationException($"network '{networkId}' is being trained by job '{held.JobId}'");
        }
    }

    /// <summary>Refuses the direct changes while the run of an unfinished job holds the network; frees a finished job's lease.</summary>
    public async Task CheckFree(NetworkState stored)
    {
        if (stored.Lease is { } held)
        {
            if (await StillRunning(held))
            {
                throw new InvalidOperationException($"network '{networkId}' is being trained by job '{held.JobId}': wait for it or cancel it (netorleans jobs cancel {held.JobId})");
            }

            stored.Lease = null;
        }
    }

    /// <summary>Refuses a call from a run that does not hold the network.</summary>
    public void CheckHeld(NetworkState stored, RunLease lease)
    {
        if (stored.Lease != lease)
        {
            var holder = stored.Lease is { } held ? $"{held}" : "no job";
            throw new StaleRunException($"network '{networkId}' is held by {holder}, not by {lease}");
        }
    }

    private async Task<bool> StillRunning(RunLease lease)
    {
        try
        {
            return !(await grains.GetGrain<ITrainingJobGrain>(lease.JobId).GetStatus(int.MaxValue)).IsFinished;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }
}
