using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Networks;
using NetOrleans.Grains.Routing;
using NetOrleans.Grains.State;
using NetOrleans.Grains.Telemetry;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>
/// A network: its spec and neuron grains (<see cref="GrainNetwork"/>), where it is (<see cref="NetworkProgress"/>),
/// its checkpoints, and who may train it (<see cref="NetworkLeases"/>). Stored state is the last checkpoint and the
/// lease; the live steps and history run ahead of it until the next checkpoint.
/// </summary>
public sealed partial class NetworkGrain(
    [PersistentState("network", StorageNames.Store)] IPersistentState<NetworkState> stored,
    ILocalSiloDetails silo) : Grain, INetworkGrain, INetworkRunGrain
{
    private GrainNetwork? _network;
    private NetworkProgress? _progress;
    private NetworkLeases? _leases;
    private NetworkCreation? _creation;

    private string Id => this.GetPrimaryKeyString();

    private NetworkProgress Progress => _progress ??= new NetworkProgress(Id);

    private NetworkLeases Leases => _leases ??= new NetworkLeases(Id, GrainFactory);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.RecordExists && stored.State.Spec is not null)
        {
            // Back at the last checkpoint: a neuron that has moved on since is out of step with it, and says so.
            Load();
        }

        return Task.CompletedTask;
    }

    public Task<NetworkSummary> Create(NetworkModel model, OptimizerSettings optimizer, bool replace, EpochRecord[] history) =>
        Create(InitialModel.Of(model), optimizer, replace, history);

    public Task<NetworkSummary> CreateSeeded(NetworkSpec spec, long seed, OptimizerSettings optimizer, bool replace) =>
        Create(InitialModel.Seeded(spec, seed), optimizer, replace, []);

    private async Task<NetworkSummary> Create(InitialModel model, OptimizerSettings optimizer, bool replace, EpochRecord[] history)
    {
        if (_network is not null && !replace)
        {
            throw new ArgumentException($"network '{Id}' already exists");
        }

        // Sizes first: a network too big for the cluster is refused before any of it is built, its parameters included.
        var spec = model.Spec;
        spec.Validate();
        var size = NetworkSize.Of(spec);
        var budget = await GrainFactory.GetGrain<IClusterMemoryGrain>(0).Budget();
        size.CheckFits($"network '{Id}' ({spec.Shape})", budget.Bytes, budget.Source);
        model.Given?.Validate();
        EpochHistory.Validate(history);
        optimizer.Validate();
        await Leases.CheckFree(stored.State);
        _creation = new NetworkCreation(size.Neurons, 0, 0);
        try
        {
            var network = Build(spec);
            await network.Initialize(model.NeuronTheta, optimizer, n => Advance(initialized: n, checkpointed: 0));

            // A network replaced by a smaller one deletes the neurons it no longer has, stored checkpoints and all.
            var kept = network.Neurons.ToHashSet();
            await Task.WhenAll((_network?.Neurons ?? []).Where(n => !kept.Contains(n)).Select(n => n.Delete()));
            stored.State = NetworkState.Created(spec, optimizer, history, stored.State);
            Load();
            await Checkpoint(Existing(), n => Advance(initialized: 0, checkpointed: n));
        }
        finally
        {
            _creation = null;
        }

        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).AddNetwork(Id);
        return Summary();
    }

    public Task<NetworkCreation?> Creation() => Task.FromResult(_creation);

    /// <summary>Counts a round of neurons of the creation under way as initialized or checkpointed.</summary>
    private void Advance(int initialized, int checkpointed) =>
        _creation = _creation is { } c ? c with { Initialized = c.Initialized + initialized, Checkpointed = c.Checkpointed + checkpointed } : null;

    public async Task<Doubles> Predict(Doubles x)
    {
        var network = await Ready();
        var batch = NetworkMath.CheckBatch(x.Length, network.Spec.Inputs, "input");
        NetworkMath.CheckFinite(x.Value, network.Spec.Inputs, "input");
        using var span = NetworkTelemetry.Start(SpanNames.Predict, Id, batch);
        return await network.Predict(x.Value);
    }

    public async Task<double> TrainBatch(Doubles x, Doubles y)
    {
        await Leases.CheckFree(stored.State);
        return (await Train(await Ready(), x, y)).Loss;
    }

    public async Task SetOptimizer(OptimizerSettings optimizer)
    {
        var network = Existing();
        optimizer.Validate();
        await Leases.CheckFree(stored.State);
        await Task.WhenAll(network.Neurons.Select(n => n.SetOptimizer(optimizer)));
        Progress.OptimizerChanged(optimizer);
    }

    public async Task<NetworkModel> Export()
    {
        var network = Existing();
        return new NetworkModel(network.Spec, await network.Theta());
    }

    public Task<NetworkSummary> Describe()
    {
        Existing();
        return Task.FromResult(Summary());
    }

    public async Task Checkpoint()
    {
        var network = Existing();
        await Leases.CheckFree(stored.State);
        await Checkpoint(network);
    }

    public async Task<NetworkSummary> Restore()
    {
        await Leases.CheckFree(stored.State);
        await GoBack();
        return Summary();
    }

    public async Task Delete()
    {
        var network = Existing();
        await Leases.CheckFree(stored.State);
        await Task.WhenAll(network.Neurons.Select(n => n.Delete()));
        await stored.ClearStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).RemoveNetwork(Id);
        _network = null;
        DeactivateOnIdle();
    }

    /// <summary>The network, first taken back to its last checkpoint if a failed step left it in pieces and no job is doing that.</summary>
    private async Task<GrainNetwork> Ready()
    {
        Existing();
        if (Progress.MustRestore is not null && stored.State.Lease is null)
        {
            await GoBack();
        }

        return Existing();
    }

    /// <summary>Finds where the neurons live, once per activation, creation and restore, and plans each layer's route.</summary>
    private Task Route(GrainNetwork network) =>
        network.Layers.All(layer => layer.IsLocated)
            ? Task.CompletedTask
            : network.Locate(silo.SiloAddress.ToParsableString(), key => GrainFactory.GetGrain<ISiloRelayGrain>(key));

    /// <summary>The live network from the stored record: its spec, neurons, steps, history and optimizer.</summary>
    private void Load()
    {
        _network = Build(stored.State.Spec!);
        Progress.Load(stored.State);
    }

    private GrainNetwork Build(NetworkSpec spec) =>
        new(spec, spec.Layers.Select((layer, l) => new GrainLayer(Enumerable.Range(0, layer.Size)
            .Select(j => GrainFactory.GetGrain<INeuronGrain>(NeuronKeys.Of(Id, l + 1, j)))
            .ToArray())).ToArray());

    private NetworkSummary Summary()
    {
        return new NetworkSummary(Id, stored.State.Spec!, Progress.Optimizer!, Progress.Steps, [.. Progress.History], stored.State.CreatedAt, Progress.LastTrained);
    }

    private GrainNetwork Existing() => _network ?? throw new KeyNotFoundException($"network '{Id}' does not exist");
}
