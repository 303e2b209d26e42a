using System.Diagnostics;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Routing;
using NetOrleans.Grains.State;
using NetOrleans.Grains.Telemetry;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>
/// Coordinates a network's neuron grains: forward, every neuron of a layer at once, layer by layer;
/// the loss; backward from the output layer down, each layer told the deltas and weights of the one above.
/// </summary>
public sealed class NetworkGrain(
    [PersistentState("network", StorageNames.Store)] IPersistentState<NetworkState> stored,
    ILocalSiloDetails silo) : Grain, INetworkGrain
{
    private NetworkSpec? _spec;
    private INeuronGrain[][] _neurons = [];
    private LayerRoute[]? _routes;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.RecordExists && stored.State.Layers.Length > 0)
        {
            Load();
        }

        return Task.CompletedTask;
    }

    public async Task<NetworkSummary> Create(ModelMessage model, OptimizerSetup optimizer, bool replace)
    {
        if (_spec is not null && !replace)
        {
            throw new ArgumentException($"network '{Id}' already exists");
        }

        var core = model.ToModel();
        core.Validate();
        optimizer.ToSettings().Validate();
        var neurons = Neurons(core.Spec);
        await Task.WhenAll(neurons.SelectMany((layer, l) => layer.Select((neuron, j) =>
            neuron.Initialize(new NeuronSetup(core.Spec.Layers[l].Activation, core.Theta[l][j], optimizer, ReturnsSignal: l > 0)))));

        // A network replaced by a smaller one deletes the neurons it no longer has, stored checkpoints and all.
        var kept = neurons.SelectMany(layer => layer).ToHashSet();
        await Task.WhenAll(_neurons.SelectMany(layer => layer).Where(n => !kept.Contains(n)).Select(n => n.Delete()));
        stored.State = new NetworkState
        {
            Inputs = model.Inputs,
            Layers = model.Layers,
            Loss = model.Loss,
            InputShift = model.InputShift,
            InputScale = model.InputScale,
            Classes = model.Classes,
            Optimizer = optimizer,
        };
        Load();
        await Checkpoint();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).AddNetwork(Id);
        return Summary();
    }

    public async Task<Immutable<double[]>> Predict(Immutable<double[]> x)
    {
        var spec = Existing();
        var batch = NetworkMath.CheckBatch(x.Value.Length, spec.Inputs, "input");
        NetworkMath.CheckFinite(x.Value, spec.Inputs, "input");
        using var span = NetworkTelemetry.Start(SpanNames.Predict, Id, batch);
        return (await Forward(spec, x.Value, train: false)).AsImmutable();
    }

    public async Task<double> TrainBatch(Immutable<double[]> x, Immutable<double[]> y)
    {
        var spec = Existing();
        var batch = NetworkMath.CheckBatch(x.Value.Length, spec.Inputs, "input");
        var targets = NetworkMath.CheckBatch(y.Value.Length, spec.Outputs, "target");
        if (batch != targets)
        {
            throw new ArgumentException($"{batch} input rows but {targets} target rows");
        }

        NetworkMath.CheckFinite(x.Value, spec.Inputs, "input");
        NetworkMath.CheckFinite(y.Value, spec.Outputs, "target");

        var started = Stopwatch.GetTimestamp();
        using var span = NetworkTelemetry.Start(SpanNames.TrainBatch, Id, batch);
        double loss;
        try
        {
            loss = await Step(spec, x, y);
        }
        catch (ArithmeticException diverged)
        {
            // Some neurons may have stepped before another refused: none is left half a step ahead of the rest.
            var restored = await Restore();
            throw new ArithmeticException($"{diverged.Message}; {restored.BackAtCheckpoint}");
        }

        stored.State.Steps++;
        NetworkTelemetry.Trained(span, Id, batch, loss, started);
        return loss;
    }

    /// <summary>
    /// Forward through every layer, the loss, and backward from the output layer down, every neuron stepping.
    /// Throws an <see cref="ArithmeticException"/> when the loss or a neuron's gradient is not finite.
    /// </summary>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <param name="y">B x n_L targets</param>
    /// <returns>the batch loss before the step</returns>
    private async Task<double> Step(NetworkSpec spec, Immutable<double[]> x, Immutable<double[]> y)
    {
        var output = _neurons[^1];
        var hidden = (await Forward(spec, x.Value, train: true, _neurons.Length - 1)).AsImmutable();
        double[] a;
        NeuronSignal[] signals;
        if (NetworkMath.OutputIsCoupled(spec))
        {
            a = NetworkMath.Rows((await FanOut(_neurons.Length - 1, n => n.Forward(hidden, true), g => g.Relay.Forward(hidden, true, g.Keys)))
                .Select(c => c.Value).ToArray());
            NetworkMath.FinishOutput(spec, a);
            var grad = NetworkMath.OutputGradient(spec, a, y.Value);
            if (grad.Any(v => !double.IsFinite(v)))
            {
                throw new ArithmeticException($"the loss became {NetworkMath.Loss(spec, a, y.Value)}");
            }

            signals = await Task.WhenAll(output.Select((neuron, j) =>
                neuron.BackwardFromLoss(NetworkMath.Column(grad, output.Length, j).AsImmutable())));
        }
        else
        {
            // One call per output neuron: forward, its own loss gradient, backward and step.
            var steps = await FanOut(_neurons.Length - 1, n => n.TrainOutput(hidden, y, spec.Loss), g => g.Relay.TrainOutput(hidden, y, spec.Loss, g.Keys));
            a = NetworkMath.Rows(steps.Select(s => s.A).ToArray());
            signals = steps.Select(s => new NeuronSignal(s.Delta, s.ThetaBefore)).ToArray();
        }

        var loss = NetworkMath.Loss(spec, a, y.Value);
        if (!double.IsFinite(loss))
        {
            throw new ArithmeticException($"the loss became {loss}");
        }

        for (var l = _neurons.Length - 2; l >= 0; l--)
        {
            var above = new LayerSignal(
                NetworkMath.Concat(signals.Select(s => s.Delta).ToArray()),
                NetworkMath.Concat(signals.Select(s => s.ThetaBefore).ToArray()));
            signals = await FanOut(l, neuron => neuron.BackwardFromLayer(above), g => g.Relay.BackwardFromLayer(above, g.Keys));
        }

        return loss;
    }

    public async Task SetOptimizer(OptimizerSetup optimizer)
    {
        Existing();
        optimizer.ToSettings().Validate();
        await Task.WhenAll(_neurons.SelectMany(layer => layer).Select(n => n.SetOptimizer(optimizer)));
        stored.State.Optimizer = optimizer;
    }

    public async Task<ModelMessage> Export()
    {
        var spec = Existing();
        var theta = await Task.WhenAll(_neurons.Select(async layer =>
            (await Task.WhenAll(layer.Select(n => n.GetParameters()))).Select(p => p.Theta).ToArray()));
        return ModelMessage.From(new NetworkModel(spec, theta));
    }

    public Task<NetworkSummary> Describe()
    {
        Existing();
        return Task.FromResult(Summary());
    }

    public Task RecordEpoch(EpochRecord record)
    {
        Existing();
        stored.State.History.Add(record);
        return Task.CompletedTask;
    }

    public async Task Checkpoint()
    {
        Existing();
        var version = stored.State.CheckpointVersion + 1;
        await Task.WhenAll(_neurons.SelectMany(layer => layer).Select(n => n.Checkpoint(version)));
        stored.State.CheckpointVersion = version;
        await stored.WriteStateAsync();
    }

    public async Task<NetworkSummary> Restore()
    {
        await stored.ReadStateAsync();
        if (!stored.RecordExists || stored.State.Layers.Length == 0)
        {
            throw new KeyNotFoundException($"network '{Id}' has no checkpoint to go back to");
        }

        Load();
        var version = stored.State.CheckpointVersion;
        await Task.WhenAll(_neurons.SelectMany(layer => layer).Select(n => n.Restore(version)));
        return Summary();
    }

    public async Task Delete()
    {
        Existing();
        await Task.WhenAll(_neurons.SelectMany(layer => layer).Select(n => n.Delete()));
        await stored.ClearStateAsync();
        await GrainFactory.GetGrain<ICatalogGrain>(ICatalogGrain.Key).RemoveNetwork(Id);
        _spec = null;
        _neurons = [];
        _routes = null;
        DeactivateOnIdle();
    }

    private Task<double[]> Forward(NetworkSpec spec, double[] x, bool train) => Forward(spec, x, train, _neurons.Length);

    /// <summary>The first <paramref name="layers"/> layers' output (B x n); the whole network's is finished (softmax).</summary>
    private async Task<double[]> Forward(NetworkSpec spec, double[] x, bool train, int layers)
    {
        var input = NetworkMath.ScaleInputs(spec, x);
        await Route();
        for (var l = 0; l < layers; l++)
        {
            var shared = input.AsImmutable();
            var columns = await FanOut(l, n => n.Forward(shared, train), g => g.Relay.Forward(shared, train, g.Keys));
            input = NetworkMath.Rows(columns.Select(c => c.Value).ToArray());
        }

        if (layers == _neurons.Length)
        {
            NetworkMath.FinishOutput(spec, input);
        }

        return input;
    }

    private void Load()
    {
        var s = stored.State;
        _spec = new ModelMessage(s.Inputs, s.Layers, s.Loss, s.InputShift, s.InputScale, s.Classes, []).ToSpec();
        _neurons = Neurons(_spec);
        _routes = null;
    }

    /// <summary>Finds where the neurons live, once per activation, creation and restore, and plans each layer's route.</summary>
    private async Task Route()
    {
        if (_routes is not null)
        {
            return;
        }

        var here = silo.SiloAddress.ToParsableString();
        var silos = await Task.WhenAll(_neurons.Select(layer => Task.WhenAll(layer.Select(n => n.Locate()))));
        _routes = _neurons.Select((layer, l) => LayerRoute.Plan(
            layer.Select(n => n.GetPrimaryKeyString()).ToArray(), silos[l], here, key => GrainFactory.GetGrain<ISiloRelayGrain>(key))).ToArray();
    }

    /// <summary>
    /// One call to every neuron of layer <paramref name="l"/>, the results in neuron order: directly, or through the
    /// relay of their silo for the groups the layer's route sends there.
    /// </summary>
    private Task<T[]> FanOut<T>(int l, Func<INeuronGrain, Task<T>> direct, Func<RelayGroup, Task<T[]>> relayed)
    {
        var route = _routes?[l];
        return route is null || route.Relayed.Length == 0
            ? Task.WhenAll(_neurons[l].Select(direct))
            : Routed(_neurons[l], route, direct, relayed);
    }

    private static async Task<T[]> Routed<T>(INeuronGrain[] layer, LayerRoute route, Func<INeuronGrain, Task<T>> direct, Func<RelayGroup, Task<T[]>> relayed)
    {
        var results = new T[layer.Length];
        var calls = route.Direct.Select(async j => results[j] = await direct(layer[j]))
            .Concat(route.Relayed.Select(async group =>
            {
                var answers = await relayed(group);
                for (var i = 0; i < group.Indices.Length; i++)
                {
                    results[group.Indices[i]] = answers[i];
                }
            }));
        await Task.WhenAll(calls);
        return results;
    }

    private INeuronGrain[][] Neurons(NetworkSpec spec) =>
        spec.Layers.Select((layer, l) => Enumerable.Range(0, layer.Size)
            .Select(j => GrainFactory.GetGrain<INeuronGrain>(NeuronKeys.Of(Id, l + 1, j)))
            .ToArray()).ToArray();

    private NetworkSummary Summary()
    {
        var s = stored.State;
        return new NetworkSummary(Id, s.Inputs, s.Layers, s.Loss, s.Optimizer!, s.Classes, s.Steps, [.. s.History]);
    }

    private NetworkSpec Existing() => _spec ?? throw new KeyNotFoundException($"network '{Id}' does not exist");
}
