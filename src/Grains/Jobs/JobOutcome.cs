using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Jobs;

/// <summary>How a run of a job ended.</summary>
/// <param name="State">Completed, Cancelled or Failed; null when a newer run took the job over (this one just stops)</param>
/// <param name="Error">why it failed, in one line</param>
internal sealed record JobOutcome(JobState? State, string? Error = null)
{
    public static readonly JobOutcome Completed = new(JobState.Completed);

    public static readonly JobOutcome Cancelled = new(JobState.Cancelled);

    public static readonly JobOutcome Superseded = new((JobState?)null);

    public static JobOutcome Failed(string error) => new(JobState.Failed, error);
}
