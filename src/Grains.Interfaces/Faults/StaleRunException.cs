namespace NetOrleans.Grains.Interfaces.Faults;

/// <summary>A training call from a run of a job that a newer run (or another job) has taken over: the old run stops.</summary>
[GenerateSerializer, Alias("NetOrleans.StaleRunException")]
public sealed class StaleRunException(string message) : Exception(message);
