using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>The silos' memory as a budget for new networks (a stateless worker: ask it with key 0).</summary>
[Alias("NetOrleans.IClusterMemoryGrain")]
public interface IClusterMemoryGrain : IGrainWithIntegerKey
{
    /// <summary>The bytes a new network's neurons may take: the silos' memory-budget, or a safe fraction of what they have available.</summary>
    [Alias("Budget")]
    Task<MemoryBudget> Budget();
}
