namespace NetOrleans.Client.Commands;

/// <summary>What a watched job does when the watcher is interrupted (Ctrl-C).</summary>
public enum InterruptChoice
{
    /// <summary>Cancel the job (it stops after the batch in flight and checkpoints its network) and watch it stop.</summary>
    Cancel,

    /// <summary>Leave the job running in the cluster and stop watching.</summary>
    Detach,
}
