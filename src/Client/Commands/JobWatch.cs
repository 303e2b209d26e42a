using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>How watching a job ended.</summary>
/// <param name="Final">the job's last status seen: finished, or still running when the watcher detached</param>
/// <param name="Records">every epoch record seen, in order</param>
/// <param name="Interrupted">what was done on Ctrl-C, or null when there was none</param>
public sealed record JobWatch(JobStatus Final, List<EpochRecord> Records, InterruptChoice? Interrupted);
