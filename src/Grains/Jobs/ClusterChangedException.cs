namespace NetOrleans.Grains.Jobs;

/// <summary>A silo of the cluster was declared dead while a job ran: whatever it held is gone, so the job goes back to its last checkpoint.</summary>
internal sealed class ClusterChangedException(string message) : Exception(message);
