namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>How far the creation of a network has come: its neurons are initialized, then checkpointed, in batches.</summary>
/// <param name="Neurons">how many neurons the network has</param>
/// <param name="Initialized">neurons that hold their initial parameters</param>
/// <param name="Checkpointed">neurons that have stored them</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.NetworkCreation")]
public sealed record NetworkCreation(long Neurons, long Initialized, long Checkpointed);
