using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>A training job's stored state, written when it starts, at most once a second while it runs, and when it ends.</summary>
[GenerateSerializer, Alias("NetOrleans.JobRecord")]
public sealed class JobRecord
{
    [Id(0)] public JobRequest? Request { get; set; }

    [Id(1)] public JobState State { get; set; }

    /// <summary>How many epochs the network had when the job started: its epoch e is the network's FirstEpoch + e.</summary>
    [Id(2)] public int FirstEpoch { get; set; }

    /// <summary>This job's epochs so far, one record each.</summary>
    [Id(3)] public List<EpochRecord> Records { get; set; } = [];

    [Id(4)] public string? Error { get; set; }

    /// <summary>Training time before the current activation.</summary>
    [Id(5)] public TimeSpan Elapsed { get; set; }

    /// <summary>Samples trained before the current activation.</summary>
    [Id(6)] public long Samples { get; set; }

    /// <summary>Every time the job went back to a checkpoint after a fault.</summary>
    [Id(7)] public List<JobRollback> Rollbacks { get; set; } = [];

    /// <summary>The run that trains the network now: every activation that runs the job takes the next (see <see cref="RunLease"/>).</summary>
    [Id(8)] public long Generation { get; set; }
}
