using NetOrleans.Client.Connection;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>One watch of <see cref="JobWatcher"/>: prints the epoch lines as the records come, and acts on the first interrupt.</summary>
internal sealed class JobWatchSession(JobWatcher watcher, ITrainingJobGrain job, CancellationToken interrupt, Func<Task<InterruptChoice>> choose)
{
    private readonly Task _interrupted = Task.Delay(Timeout.Infinite, interrupt).ContinueWith(_ => { }, TaskScheduler.Default);
    private InterruptChoice? _choice;

    public async Task<JobWatch> Follow(JobStatus status, List<EpochRecord> records, Action<JobStatus> show)
    {
        var every = Math.Max(1, status.Epochs / 10);
        while (true)
        {
            foreach (var record in status.Records)
            {
                records.Add(record);
                var n = records.Count;
                if (n % every == 0 || n == status.Epochs)
                {
                    watcher.Context.WriteLine(JobWatcher.EpochLine(n, status.Epochs, record));
                    watcher.Context.Clock.Mark($"epoch {n} reported");
                }
            }

            watcher.Notice(job, status);
            if ((status.Notice is not null || status.State == JobState.Failed) && await PrimaryProbe.Lost(watcher.KnownShape) is { } gone)
            {
                // A localhost cluster without its primary never heals: say so now rather than after the storage timeout.
                throw new InvalidOperationException($"job {job.GetPrimaryKeyString()} cannot go on: {gone}");
            }

            show(status);
            if (status.IsFinished)
            {
                return new JobWatch(status, records, _choice);
            }

            if (_choice is null && interrupt.IsCancellationRequested)
            {
                _choice = await choose();
                if (_choice == InterruptChoice.Detach)
                {
                    return new JobWatch(status, records, _choice);
                }

                watcher.Context.Info.WriteLine($"Ctrl-C: job {job.GetPrimaryKeyString()} stops after the batch in flight (Ctrl-C again quits at once)");
                status = await watcher.Ask(job, job.Cancel) with { Records = [] };
                continue;
            }

            var version = status.Version;
            var next = watcher.Ask(job, () => job.WaitForUpdate(version, records.Count, JobWatcher.Poll), () => job.GetStatus(records.Count));
            if (_choice is null && await Task.WhenAny(next, _interrupted) != next)
            {
                // Interrupted while waiting: act on it now; the pending answer is not needed.
                _ = next.ContinueWith(t => t.Exception, TaskScheduler.Default);
                status = status with { Records = [] };
                continue;
            }

            status = await next;
        }
    }
}
