using System.Diagnostics;
using NetOrleans.Core.Activations;
using NetOrleans.Core.Kernels;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Faults;
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
/// </summary>
[NeuronPlacement]
public sealed class NeuronGrain(ILocalSiloDetails silo) : Grain, INeuronGrain
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
        if (span is not null)
        {
            NeuronTelemetry.Forward(span, x.Value, neuron.Theta, a);
        }

        return Task.FromResult<Doubles>(a);
    }

    public Task<Doubles> ForwardForStep(Doubles x, long step)
    {
        var neuron = Existing();
        AtStep(step);
        using var span = Telemetry.StartForward(x.Length / neuron.Inputs);
        var a = neuron.Forward(x.Value, train: true);
        _pendingStep = step;
        if (span is not null)
        {
            NeuronTelemetry.Forward(span, x.Value, neuron.Theta, a);
        }

        return Task.FromResult<Doubles>(a);
    }

    public Task<NeuronSignal> BackwardAndStep(Doubles g, long step)
    {
        Pending(step);
        using var span = Telemetry.StartBackward(g.Length);
        return Task.FromResult(Step(g.Value, span));
    }

    public Task<OutputSignal> TrainOutput(Doubles x, Doubles y, LossKind loss, long step)
    {
        var neuron = Existing();
        AtStep(step);
        var batch = x.Length / neuron.Inputs;
        double[] a;
        NeuronStep taken;
        using (var span = Telemetry.StartForward(batch))
        {
            (a, taken) = neuron.TrainOutput(x.Value, y.Value, loss.Function(), Index);
            if (span is not null)
            {
                NeuronTelemetry.Forward(span, x.Value, taken.ThetaBefore, a);
            }
        }

        _step++;
        _pendingStep = null;
        using (var span = Telemetry.StartBackward(batch))
        {
            if (span is not null)
            {
                NeuronTelemetry.Backward(span, taken, neuron.Theta);
            }
        }

        return Task.FromResult(new OutputSignal(a, taken.Delta, taken.ThetaBefore));
    }

    public Task<NeuronSignal> BackwardAndStepFromLayer(LayerSignal above, long step)
    {
        var neuron = Pending(step);

        // The signal must hold m x B deltas and m rows of parameters that reach this neuron's weight (and a bias).
        var batch = neuron.PendingBatch;
        var deltas = above.Deltas?.Length ?? 0;
        var thetas = above.Thetas?.Length ?? 0;
        if (deltas == 0 || deltas % batch != 0 || thetas % (deltas / batch) != 0 || thetas / (deltas / batch) < Index + 2)
        {
            throw new ArgumentException($"neuron {Key}: the layer above's signal of {deltas} deltas and {thetas} parameters does not fit a pass of {batch} rows into neuron {Index}");
        }

        using var span = Telemetry.StartBackward(batch);
        var g = new double[batch];
        NeuronKernel.UpstreamGradient(above.Deltas!.Value, above.Thetas!.Value, Index, g);
        return Task.FromResult(Step(g, span));
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

    public async Task Checkpoint(long version, long step, long fence)
    {
        var neuron = Existing();
        Serves(fence);
        AtStep(step);
        var slot = Slot(version);

        // The live arrays go to storage as they are: nothing can step them while this call waits (not reentrant).
        await slot.Write(new NeuronSnapshot
        {
            Version = version,
            Fence = fence,
            Step = _step,
            Activation = neuron.F.Kind,
            ReturnsSignal = _returnsSignal,
            Theta = neuron.Theta,
            Optimizer = neuron.Optimizer,
            OptimizerSteps = neuron.State.Step,
            M = neuron.State.M,
            V = neuron.State.V,
        });
        _fence = fence;
    }

    public async Task<long> Restore(long version, long fence)
    {
        Serves(fence);
        var stored = await Slot(version).Read();
        if (stored is null || stored.Version != version)
        {
            throw new InvalidOperationException($"neuron {Key} has no checkpoint {version} (its stored checkpoints: {Versions()}); its storage may have been lost");
        }

        Load(stored);
        _fence = fence;
        return _step;
    }

    public Task<string> Locate() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public async Task Delete()
    {
        _neuron = null;
        await _even.Clear();
        await _odd.Clear();
        DeactivateOnIdle();
    }

    private NeuronSignal Step(double[] g, Activity? span)
    {
        var neuron = Existing();
        var taken = neuron.Backward(g);
        _step++;
        _pendingStep = null;
        if (span is not null)
        {
            NeuronTelemetry.Backward(span, taken, neuron.Theta);
        }

        return _returnsSignal ? new NeuronSignal(taken.Delta, taken.ThetaBefore) : new NeuronSignal(Nothing, Nothing);
    }

    /// <summary>Refuses a training call for another step than this neuron's.</summary>
    private void AtStep(long step)
    {
        if (step != _step)
        {
            var from = _restoredFrom is { } version ? $" (it came back from checkpoint {version})" : "";
            throw new OutOfStepException($"neuron {Key} is at step {_step} but its network is at step {step}{from}");
        }
    }

    /// <summary>The neuron, with a forward pass pending for <paramref name="step"/>.</summary>
    private Neuron Pending(long step)
    {
        var neuron = Existing();
        if (!neuron.HasPendingForward)
        {
            throw new InvalidOperationException($"neuron {Key}: backward called before forward (step {step})");
        }

        if (_pendingStep != step)
        {
            throw new OutOfStepException($"neuron {Key} has the forward pass of step {_pendingStep} pending, not of step {step}");
        }

        return neuron;
    }

    /// <summary>Refuses a run older than one this neuron has served or stored.</summary>
    private void Serves(long fence)
    {
        var newest = Math.Max(_fence, Math.Max(_even.Fence, _odd.Fence));
        if (fence < newest)
        {
            throw new StaleRunException($"neuron {Key} was fenced off at {newest} by a newer trainer of its network, not {fence}");
        }
    }

    private SnapshotSlot Slot(long version) => version % 2 == 0 ? _even : _odd;

    private string Versions()
    {
        var versions = new[] { _even, _odd }.Where(s => s.Exists && s.Version > 0).Select(s => s.Version).Order().ToArray();
        return versions.Length == 0 ? "none" : string.Join(", ", versions);
    }

    private void Load(NeuronSnapshot snapshot)
    {
        var optimizer = snapshot.Optimizer ?? throw new InvalidOperationException($"neuron {Key}: checkpoint {snapshot.Version} has no optimizer");
        var state = new OptimizerState { Step = snapshot.OptimizerSteps, M = snapshot.M, V = snapshot.V };
        _neuron = new Neuron(snapshot.Activation.Function(), snapshot.Theta, optimizer, state);
        _returnsSignal = snapshot.ReturnsSignal;
        _step = snapshot.Step;
        _pendingStep = null;
        _restoredFrom = snapshot.Version;
    }

    private Neuron Existing() =>
        _neuron ?? throw new InvalidOperationException($"neuron {Key} does not exist (its network was never created or was deleted)");
}
