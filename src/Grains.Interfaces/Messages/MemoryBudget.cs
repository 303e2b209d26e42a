namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>The memory the cluster can give a new network, and where the figure comes from.</summary>
/// <param name="Bytes">the budget</param>
/// <param name="Source">"half of the 21.9 GB its 1 silo has available", or "memory-budget set on the silo"</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.MemoryBudget")]
public sealed record MemoryBudget(long Bytes, string Source);
