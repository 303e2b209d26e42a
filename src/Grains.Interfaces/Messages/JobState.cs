namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>Where a training job is in its life.</summary>
[GenerateSerializer, Alias("NetOrleans.JobState")]
public enum JobState
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}
