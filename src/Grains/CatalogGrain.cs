using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.State;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>Keeps the lists of networks and jobs, written on every change (they change rarely).</summary>
public sealed class CatalogGrain(
    [PersistentState("catalog", StorageNames.Store)] IPersistentState<CatalogState> stored) : Grain, ICatalogGrain
{
    public async Task AddNetwork(string id)
    {
        if (!stored.State.Networks.Contains(id))
        {
            stored.State.Networks.Add(id);
            await stored.WriteStateAsync();
        }
    }

    public async Task RemoveNetwork(string id)
    {
        if (stored.State.Networks.Remove(id))
        {
            await stored.WriteStateAsync();
        }
    }

    public Task<string[]> Networks() => Task.FromResult(stored.State.Networks.ToArray());

    public async Task AddJob(string id)
    {
        if (!stored.State.Jobs.Contains(id))
        {
            stored.State.Jobs.Add(id);
            await stored.WriteStateAsync();
        }
    }

    public Task<string[]> Jobs() => Task.FromResult(stored.State.Jobs.ToArray());
}
