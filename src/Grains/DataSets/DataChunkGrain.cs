using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.State;
using Orleans.Runtime;

namespace NetOrleans.Grains.DataSets;

/// <summary>
/// One stored chunk of a data set. It goes away after each call: its rows are wanted when a job starts or resumes,
/// and in between they need only be in storage, not in a silo's memory as well.
/// </summary>
public sealed class DataChunkGrain(
    [PersistentState("chunk", StorageNames.Store)] IPersistentState<DataChunkState> stored) : Grain, IDataChunkGrain
{
    public async Task Write(DataChunk rows)
    {
        stored.State = new DataChunkState { Rows = rows };
        await stored.WriteStateAsync();
        DeactivateOnIdle();
    }

    public Task<DataChunk> Read()
    {
        DeactivateOnIdle();
        return Task.FromResult(stored.State.Rows ?? throw new KeyNotFoundException($"data set chunk '{this.GetPrimaryKeyString()}' is not in storage"));
    }

    public async Task Delete()
    {
        await stored.ClearStateAsync();
        DeactivateOnIdle();
    }
}
