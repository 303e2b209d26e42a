using System.Diagnostics;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Networks;
using NetOrleans.Grains.Routing;
using NetOrleans.Grains.State;
using NetOrleans.Grains.Telemetry;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>
/// A network: its spec, its neuron grains (<see cref="GrainNetwork"/>), its step count and history, its checkpoints,
/// and who may train it. Stored state is the last checkpoint (and the lease); the live step count and history run
/// ahead of it until the next checkpoint.
/// </summary>
public sealed class NetworkGrain(
    [PersistentState("network", StorageNames.Store)] IPersistentState<NetworkState> stored,
    ILocalSiloDetails silo) : Grain, INetworkGrain, INetworkRunGrain
{
    private GrainNetwork? _network;
    private long _steps;
    private List<EpochRecord> _history = [];
    private OptimizerSetup? _optimizer;
    private bool _changedSinceCheckpoint;

    /// <summary>Why the network must go back to its last checkpoint before another step, or null.</summary>
    private string? _mustRestore;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.RecordExists && stored.State.Layers.Length > 0)
        {
            // Back at the last checkpoint: a neuron that has moved on since is out of step with it, and says so.
            Load();
        }

        return Task.CompletedTask;
    }

    public async Task<NetworkSummary> Create(ModelMessage model, OptimizerSetup optimizer, bool replace)
    {
        if (_network is not null && !replace)
        {
            throw new ArgumentException($"network '{Id}' already exists");
        }

        var core = model.ToModel();
        core.Validate();
        optimizer.ToSettings().Validate();
        await Free();
        var network = Build(core.Spec);
        await Task.WhenAll(network.Layers.SelectMany((layer, l) => layer.Neurons.Select((neuron, j) =>
            neuron.Initialize(new NeuronSetup(core.Spec.Layers[l].Activation, core.Theta[l][j], optimizer, ReturnsSignal: l > 0)))));

        // A network replaced by a smaller one deletes the neurons it no longer has, stored checkpoints and all.
        var kept = network.Layers.SelectMany(layer => layer.Neurons).ToHashSet();
        var gone = _network?.Layers.SelectMany(layer => layer.Neurons).Where(n => !kept.Contains(n)) ?? [];
        await Task.WhenAll(gone.Select(n => n.Delete()));
        stored.State = new NetworkState
        {
            Inputs = model.Inputs,
            Layers = model.Layers,
            Loss = model.Loss,
            InputShift = model.InputShift,
            InputScale = model.InputScale,
            Classes = model.Classes,
            Optimizer = optimizer,
            CheckpointVersion = stored.State.CheckpointVersion,
            Fence = stored.State.Fence + 1,
        };
        Load();
        await Checkpoint(Existing());
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).AddNetwork(Id);
        return Summary();
    }

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
        await Free();
        var network = await Ready();
        return (await Train(network, x, y)).Loss;
    }

    public async Task SetOptimizer(OptimizerSetup optimizer)
    {
        var network = Existing();
        optimizer.ToSettings().Validate();
        await Free();
        await Task.WhenAll(network.Layers.SelectMany(layer => layer.Neurons).Select(n => n.SetOptimizer(optimizer)));
        _optimizer = optimizer;
        _changedSinceCheckpoint = true;
    }

    public async Task<ModelMessage> Export()
    {
        var network = Existing();
        var theta = await Task.WhenAll(network.Layers.Select(async layer =>
            (await Task.WhenAll(layer.Neurons.Select(n => n.GetParameters()))).Select(p => p.Theta).ToArray()));
        return ModelMessage.From(new NetworkModel(network.Spec, theta));
    }

    public Task<NetworkSummary> Describe()
    {
        Existing();
        return Task.FromResult(Summary());
    }

    public async Task Checkpoint()
    {
        var network = Existing();
        await Free();
        await Checkpoint(network);
    }

    public async Task<NetworkSummary> Restore()
    {
        await Free();
        await GoBack();
        return Summary();
    }

    public async Task Delete()
    {
        var network = Existing();
        await Free();
        await Task.WhenAll(network.Layers.SelectMany(layer => layer.Neurons).Select(n => n.Delete()));
        await stored.ClearStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).RemoveNetwork(Id);
        _network = null;
        DeactivateOnIdle();
    }

    public async Task<NetworkSummary> Claim(RunLease lease, bool resume)
    {
        // The stored lease and fence are the truth: an activation that missed a newer claim learns of it here.
        await stored.ReadStateAsync();
        if (stored.State.Lease is { } held && held != lease)
        {
            if (held.JobId == lease.JobId && held.Generation > lease.Generation)
            {
                throw new StaleRunException($"{lease} was taken over by its run {held.Generation}");
            }

            if (held.JobId != lease.JobId && await StillRunning(held))
            {
                throw new InvalidOperationException($"network '{Id}' is being trained by job '{held.JobId}'");
            }
        }

        stored.State.Lease = lease;
        stored.State.Fence++;
        if (resume || _mustRestore is not null || _network is null)
        {
            await stored.WriteStateAsync();
            await GoBack();
        }
        else if (_changedSinceCheckpoint)
        {
            // A new run starts from the network as it is: that is the checkpoint it would go back to.
            await Checkpoint(Existing());
        }
        else
        {
            await stored.WriteStateAsync();
        }

        return Summary();
    }

    public async Task<BatchOutcome> Step(RunLease lease, long step, Doubles x, Doubles y)
    {
        var network = Existing();
        Holds(lease);
        InStep(step);
        return await Train(network, x, y);
    }

    public async Task EndEpoch(RunLease lease, EpochRecord record, bool checkpoint)
    {
        var network = Existing();
        Holds(lease);
        InStep(_steps);
        if (record.Epoch != _history.Count + 1)
        {
            throw new OutOfStepException($"network '{Id}' has {_history.Count} epochs, so its next is {_history.Count + 1}, not {record.Epoch}");
        }

        _history.Add(record);
        _changedSinceCheckpoint = true;
        if (checkpoint)
        {
            await Checkpoint(network);
        }
    }

    public async Task<NetworkSummary> Release(RunLease lease, bool checkpoint)
    {
        var network = Existing();
        Holds(lease);
        stored.State.Lease = null;
        if (checkpoint && _mustRestore is null)
        {
            await Checkpoint(network);
        }
        else
        {
            await stored.WriteStateAsync();
        }

        return Summary();
    }

    /// <summary>
    /// One step, shared by <see cref="TrainBatch"/> and <see cref="Step"/>. A step that fails leaves neurons at
    /// different steps, so the network takes no other until it has gone back to its last checkpoint: at once when
    /// training diverged (the caller learns where it is), otherwise when its trainer claims it again.
    /// </summary>
    private async Task<BatchOutcome> Train(GrainNetwork network, Doubles x, Doubles y)
    {
        var spec = network.Spec;
        var batch = NetworkMath.CheckBatch(x.Length, spec.Inputs, "input");
        var targets = NetworkMath.CheckBatch(y.Length, spec.Outputs, "target");
        if (batch != targets)
        {
            throw new ArgumentException($"{batch} input rows but {targets} target rows");
        }

        NetworkMath.CheckFinite(x.Value, spec.Inputs, "input");
        NetworkMath.CheckFinite(y.Value, spec.Outputs, "target");
        await Route(network);

        var started = Stopwatch.GetTimestamp();
        using var span = NetworkTelemetry.Start(SpanNames.TrainBatch, Id, batch);
        double[] a;
        double loss;
        try
        {
            (a, loss) = await network.TrainBatch(x, y, _steps);
        }
        catch (ArithmeticException diverged)
        {
            _mustRestore = diverged.Message;
            await GoBack();
            throw new ArithmeticException($"{diverged.Message}; {Summary().BackAtCheckpoint}");
        }
        catch (Exception fault)
        {
            // Some neurons may have stepped and others not (one came back from storage, one was lost with its silo).
            _mustRestore = $"step {_steps} failed: {fault.Message}";
            if (fault is ArgumentException or InvalidOperationException or KeyNotFoundException)
            {
                throw new OutOfStepException($"network '{Id}': {_mustRestore}");
            }

            throw;
        }

        _steps++;
        _changedSinceCheckpoint = true;
        NetworkTelemetry.Trained(span, Id, batch, loss, started);
        return new BatchOutcome(loss, batch, spec.Classes is null ? 0 : Evaluation.CorrectRows(a, y.Value, spec.Outputs));
    }

    /// <summary>Writes every neuron at the network's step, then commits the version with the network's own record.</summary>
    private async Task Checkpoint(GrainNetwork network)
    {
        if (_mustRestore is { } why)
        {
            throw new OutOfStepException($"network '{Id}' cannot checkpoint: it must go back to its last checkpoint first ({why})");
        }

        var version = stored.State.CheckpointVersion + 1;
        try
        {
            await network.Checkpoint(version, _steps, stored.State.Fence);
        }
        catch (Exception e) when (e is OutOfStepException or StaleRunException)
        {
            _mustRestore = e.Message;
            throw;
        }

        stored.State.Steps = _steps;
        stored.State.History = [.. _history];
        stored.State.Optimizer = _optimizer;
        stored.State.CheckpointVersion = version;
        await stored.WriteStateAsync();
        _changedSinceCheckpoint = false;
    }

    /// <summary>Goes back to the stored checkpoint: the network's record and every neuron, all at its step.</summary>
    private async Task GoBack()
    {
        await stored.ReadStateAsync();
        if (!stored.RecordExists || stored.State.Layers.Length == 0)
        {
            throw new KeyNotFoundException($"network '{Id}' has no checkpoint to go back to");
        }

        Load();
        var network = Existing();
        _mustRestore = "it is going back to its last checkpoint";
        await network.Restore(stored.State.CheckpointVersion, stored.State.Steps, stored.State.Fence);
        _mustRestore = null;
    }

    /// <summary>The network, first taken back to its last checkpoint if a failed step left it in pieces and no job is doing that.</summary>
    private async Task<GrainNetwork> Ready()
    {
        Existing();
        if (_mustRestore is not null && stored.State.Lease is null)
        {
            await GoBack();
        }

        return Existing();
    }

    /// <summary>Refuses the direct changes while a job's run that has not finished holds the network.</summary>
    private async Task Free()
    {
        if (stored.State.Lease is { } held)
        {
            if (await StillRunning(held))
            {
                throw new InvalidOperationException($"network '{Id}' is being trained by job '{held.JobId}': wait for it or cancel it (netorleans jobs cancel {held.JobId})");
            }

            stored.State.Lease = null;
        }
    }

    private async Task<bool> StillRunning(RunLease lease)
    {
        try
        {
            return !(await GrainFactory.GetGrain<ITrainingJobGrain>(lease.JobId).GetStatus(int.MaxValue)).IsFinished;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
    }

    private void Holds(RunLease lease)
    {
        if (stored.State.Lease != lease)
        {
            var holder = stored.State.Lease is { } held ? $"{held}" : "no job";
            throw new StaleRunException($"network '{Id}' is held by {holder}, not by {lease}");
        }
    }

    private void InStep(long step)
    {
        if (_mustRestore is { } why)
        {
            throw new OutOfStepException($"network '{Id}' must go back to its last checkpoint before another step ({why})");
        }

        if (step != _steps)
        {
            _mustRestore = $"its trainer expected step {step}, it was at step {_steps}";
            throw new OutOfStepException($"network '{Id}' is at step {_steps} but its trainer expects step {step}");
        }
    }

    /// <summary>Finds where the neurons live, once per activation, creation and restore, and plans each layer's route.</summary>
    private Task Route(GrainNetwork network) =>
        network.Layers.All(layer => layer.IsLocated)
            ? Task.CompletedTask
            : network.Locate(silo.SiloAddress.ToParsableString(), key => GrainFactory.GetGrain<ISiloRelayGrain>(key));

    /// <summary>The live network from the stored record: its spec, neurons, steps, history and optimizer.</summary>
    private void Load()
    {
        var s = stored.State;
        _network = Build(new ModelMessage(s.Inputs, s.Layers, s.Loss, s.InputShift, s.InputScale, s.Classes, []).ToSpec());
        _steps = s.Steps;
        _history = [.. s.History];
        _optimizer = s.Optimizer;
        _changedSinceCheckpoint = false;
    }

    private GrainNetwork Build(NetworkSpec spec) =>
        new(spec, spec.Layers.Select((layer, l) => new GrainLayer(Enumerable.Range(0, layer.Size)
            .Select(j => GrainFactory.GetGrain<INeuronGrain>(NeuronKeys.Of(Id, l + 1, j)))
            .ToArray())).ToArray());

    private NetworkSummary Summary()
    {
        var s = stored.State;
        return new NetworkSummary(Id, s.Inputs, s.Layers, s.Loss, _optimizer!, s.Classes, _steps, [.. _history]);
    }

    private GrainNetwork Existing() => _network ?? throw new KeyNotFoundException($"network '{Id}' does not exist");
}
