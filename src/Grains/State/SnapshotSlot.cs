using Orleans.Storage;

namespace NetOrleans.Grains.State;

/// <summary>
/// One of a neuron's two stored checkpoints (state name "neuron-even" or "neuron-odd"), read and written straight
/// through the grain storage: in memory it keeps only which version and fence it stores and the storage's etag, never
/// the numbers (an IPersistentState would keep its state object, and a grain lifecycle participant, per neuron).
/// </summary>
/// <param name="name">the state name, as the records in storage are keyed</param>
/// <param name="storage">the grain storage</param>
/// <param name="grain">the neuron grain's id</param>
internal sealed class SnapshotSlot(string name, IGrainStorage storage, GrainId grain)
{
    private string? _etag;

    /// <summary>True when storage holds a snapshot with parameters in this slot.</summary>
    public bool Exists { get; private set; }

    /// <summary>The network's checkpoint version the slot stores (0 when none).</summary>
    public long Version { get; private set; }

    /// <summary>The network's fence when the slot was written.</summary>
    public long Fence { get; private set; }

    /// <summary>Reads the slot: its snapshot, or null when it holds none. The caller keeps the numbers; the slot does not.</summary>
    public async Task<NeuronSnapshot?> Read()
    {
        var state = new GrainState<NeuronSnapshot>(new NeuronSnapshot());
        await storage.ReadStateAsync(name, grain, state);
        _etag = state.ETag;
        var snapshot = state.RecordExists && state.State is { IsComplete: true } s ? s : null;
        Remember(snapshot);
        return snapshot;
    }

    /// <summary>Writes <paramref name="snapshot"/> into the slot; the snapshot's arrays are not kept.</summary>
    public async Task Write(NeuronSnapshot snapshot)
    {
        var state = new GrainState<NeuronSnapshot>(snapshot, _etag) { RecordExists = _etag is not null };
        await storage.WriteStateAsync(name, grain, state);
        _etag = state.ETag;
        Remember(snapshot);
    }

    /// <summary>Deletes the slot's record.</summary>
    public async Task Clear()
    {
        var state = new GrainState<NeuronSnapshot>(new NeuronSnapshot(), _etag) { RecordExists = _etag is not null };
        await storage.ClearStateAsync(name, grain, state);
        _etag = state.ETag;
        Remember(null);
    }

    private void Remember(NeuronSnapshot? snapshot)
    {
        Exists = snapshot is not null;
        Version = snapshot?.Version ?? 0;
        Fence = snapshot?.Fence ?? 0;
    }
}
