using NetOrleans.Core.Activations;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Placement;
using NetOrleans.Grains.State;
using NetOrleans.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace NetOrleans.Grains;

/// <summary>
/// One neuron: runs <see cref="Neuron"/> on the batches its network sends, keeps its own weights, and counts the steps
/// of its network it has taken. Its last two checkpoints are stored in two slots (<see cref="SnapshotSlot"/>); in memory
/// it keeps only its live parameters, optimizer moments and, between a forward and a backward pass, that pass's z and a.
/// This file: its life and the calls outside a training step; NeuronGrain.Step.cs: a training step;
/// NeuronGrain.Checkpoints.cs: its checkpoints.
/// </summary>
[NeuronPlacement]
public sealed partial class NeuronGrain(ILocalSiloDetails silo) : Grain, INeuronGrain
{
    private static readonly Doubles Nothing = Doubles.Empty;
    private SnapshotSlot _even = null!;
    private SnapshotSlot _odd = null!;
    private Neuron? _neuron;
    private bool _returnsSignal;
    private long _step;
    private long? _pendingStep;
    private long _fence;
    private long? _restoredFrom;
    private int? _index;
    private NeuronTelemetry? _telemetry;
    private readonly NeuronActivity _activity = new();

    private string Key => this.GetPrimaryKeyString();

    /// <summary>i, this neuron's index in its layer.</summary>
    private int Index => _index ??= NeuronKeys.Parse(Key).Index;

    private NeuronTelemetry Telemetry => _telemetry ??= new NeuronTelemetry(Key);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Store);
        _even = new SnapshotSlot("neuron-even", storage, this.GetGrainId());
        _odd = new SnapshotSlot("neuron-odd", storage, this.GetGrainId());
        var stored = await Task.WhenAll(_even.Read(), _odd.Read());
        if (stored.Where(s => s is not null).MaxBy(s => s!.Version) is { } newest)
        {
            // Back from storage, at the step of its newest checkpoint: its network notices if it has moved on.
            Load(newest);
        }
    }

    public Task Initialize(NeuronSetup setup)
    {
        var f = setup.Activation.Function();
        var settings = setup.Optimizer;
        settings.Validate();
        if (setup.Theta.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"neuron {Key}: a weight or bias is not a finite number");
        }

        _neuron = new Neuron(f, setup.Theta, settings);
        _returnsSignal = setup.ReturnsSignal;
        _step = 0;
        _pendingStep = null;
        _restoredFrom = null;
        return Task.CompletedTask;
    }

    public Task<Doubles> Forward(Doubles x)
    {
        var neuron = Existing();
        using var span = Telemetry.StartForward(x.Length / neuron.Inputs);
        var a = neuron.Forward(x.Value, train: false);
        _activity.Forwarded(a, train: false);
        if (span is not null)
        {
            NeuronTelemetry.Forward(span, x.Value, neuron.Theta, a);
        }

        return Task.FromResult<Doubles>(a);
    }

    public Task SetOptimizer(OptimizerSettings optimizer)
    {
        optimizer.Validate();
        Existing().Optimizer = optimizer;
        return Task.CompletedTask;
    }

    public Task<NeuronParameters> GetParameters()
    {
        var neuron = Existing();
        return Task.FromResult(new NeuronParameters(neuron.F.Kind, (double[])neuron.Theta.Clone(), _step));
    }

    public Task<NeuronInspection> Inspect()
    {
        var neuron = Existing();
        var state = neuron.State;
        double[]? norms = state.M is null && state.V is null ? null : [Norm(state.M), Norm(state.V)];
        return Task.FromResult(new NeuronInspection(
            neuron.F.Kind, (double[])neuron.Theta.Clone(), _step, neuron.Optimizer, norms, silo.SiloAddress.ToParsableString(),
            _activity.Counts, _activity.LastActivations));
    }

    /// <summary>||v||_2, 0 for none.</summary>
    private static double Norm(double[]? v) => v is null ? 0 : Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<double>(v));

    public Task<string> Locate() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public async Task Delete()
    {
        _neuron = null;
        await _even.Clear();
        await _odd.Clear();
        DeactivateOnIdle();
    }

    private Neuron Existing() =>
        _neuron ?? throw new InvalidOperationException($"neuron {Key} does not exist (its network was never created or was deleted)");
}
