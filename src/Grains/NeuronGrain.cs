using System.Diagnostics;
using NetOrleans.Core.Kernels;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Placement;
using NetOrleans.Grains.State;
using NetOrleans.Grains.Telemetry;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>One neuron: runs <see cref="Neuron"/> on the batches its network sends, and keeps its own weights.</summary>
[NeuronPlacement]
public sealed class NeuronGrain(
    [PersistentState("neuron", StorageNames.Store)] IPersistentState<NeuronState> stored,
    ILocalSiloDetails silo) : Grain, INeuronGrain
{
    private static readonly double[] Nothing = [];
    private Neuron? _neuron;
    private bool _returnsSignal;
    private int? _index;
    private NeuronTelemetry? _telemetry;

    /// <summary>i, this neuron's index in its layer.</summary>
    private int Index => _index ??= NeuronKeys.Parse(this.GetPrimaryKeyString()).Index;

    private NeuronTelemetry Telemetry => _telemetry ??= new NeuronTelemetry(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.RecordExists && stored.State.Snapshots.Count > 0)
        {
            Load(stored.State.Snapshots.MaxBy(snapshot => snapshot.Version)!);
        }

        return Task.CompletedTask;
    }

    public Task Initialize(NeuronSetup setup)
    {
        var f = Core.Activations.Activations.Parse(setup.Activation);
        var settings = setup.Optimizer.ToSettings();
        settings.Validate();
        if (setup.Theta.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"neuron {this.GetPrimaryKeyString()}: a weight or bias is not a finite number");
        }

        _neuron = new Neuron(f, setup.Theta, settings);
        _returnsSignal = setup.ReturnsSignal;
        return Task.CompletedTask;
    }

    public Task<Immutable<double[]>> Forward(Immutable<double[]> x, bool train)
    {
        var neuron = Existing();
        using var span = Telemetry.StartForward(x.Value.Length / neuron.Inputs);
        var a = Named(() => neuron.Forward(x.Value, train));
        if (span is not null)
        {
            NeuronTelemetry.Forward(span, x.Value, neuron.Theta, a);
        }

        return Task.FromResult(a.AsImmutable());
    }

    public Task<NeuronSignal> BackwardFromLoss(Immutable<double[]> g)
    {
        using var span = Telemetry.StartBackward(g.Value.Length);
        return Task.FromResult(Step(g.Value, span));
    }

    public Task<OutputSignal> TrainOutput(Immutable<double[]> x, Immutable<double[]> y, string loss)
    {
        var neuron = Existing();
        var batch = x.Value.Length / neuron.Inputs;
        double[] a;
        NeuronStep step;
        using (var span = Telemetry.StartForward(batch))
        {
            (a, step) = Named(() => neuron.TrainOutput(x.Value, y.Value, Core.Losses.Losses.Parse(loss), Index));
            if (span is not null)
            {
                NeuronTelemetry.Forward(span, x.Value, step.ThetaBefore, a);
            }
        }

        using (var span = Telemetry.StartBackward(batch))
        {
            if (span is not null)
            {
                NeuronTelemetry.Backward(span, step, neuron.Theta);
            }
        }

        return Task.FromResult(new OutputSignal(a, step.Delta, step.ThetaBefore));
    }

    public Task<NeuronSignal> BackwardFromLayer(LayerSignal above)
    {
        var neuron = Existing();
        if (!neuron.HasPendingForward)
        {
            throw new InvalidOperationException($"neuron {this.GetPrimaryKeyString()}: backward called before forward");
        }

        // The signal must hold m x B deltas and m rows of parameters that reach this neuron's weight (and a bias).
        var batch = neuron.PendingBatch;
        var deltas = above.Deltas?.Length ?? 0;
        var thetas = above.Thetas?.Length ?? 0;
        if (deltas == 0 || deltas % batch != 0 || thetas % (deltas / batch) != 0 || thetas / (deltas / batch) < Index + 2)
        {
            throw new ArgumentException($"neuron {this.GetPrimaryKeyString()}: the layer above's signal of {deltas} deltas and {thetas} parameters does not fit a pass of {batch} rows into neuron {Index}");
        }

        using var span = Telemetry.StartBackward(batch);
        var g = new double[batch];
        NeuronKernel.UpstreamGradient(above.Deltas, above.Thetas, Index, g);
        return Task.FromResult(Step(g, span));
    }

    public Task SetOptimizer(OptimizerSetup optimizer)
    {
        var settings = optimizer.ToSettings();
        settings.Validate();
        Existing().Optimizer = settings;
        return Task.CompletedTask;
    }

    public Task<NeuronParameters> GetParameters()
    {
        var neuron = Existing();
        return Task.FromResult(new NeuronParameters(neuron.F.Name, (double[])neuron.Theta.Clone(), neuron.State.Step));
    }

    public async Task Checkpoint(long version)
    {
        var neuron = Existing();
        var snapshot = new NeuronSnapshot
        {
            Version = version,
            Theta = neuron.Theta,
            Optimizer = OptimizerSetup.From(neuron.Optimizer),
            Steps = neuron.State.Step,
            M = (double[]?)neuron.State.M?.Clone(),
            V = (double[]?)neuron.State.V?.Clone(),
        };
        var keep = stored.State.Snapshots.Where(s => s.Version < version).OrderBy(s => s.Version).TakeLast(1);
        stored.State = new NeuronState
        {
            Activation = neuron.F.Name,
            ReturnsSignal = _returnsSignal,
            Snapshots = [.. keep, snapshot],
        };
        await stored.WriteStateAsync();
    }

    public async Task Restore(long version)
    {
        await stored.ReadStateAsync();
        var snapshot = stored.State.Snapshots.FirstOrDefault(s => s.Version == version)
            ?? throw new InvalidOperationException($"neuron {this.GetPrimaryKeyString()} has no checkpoint {version} (it has {string.Join(", ", stored.State.Snapshots.Select(s => s.Version))})");
        Load(snapshot);
    }

    public Task<string> Locate() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public async Task Delete()
    {
        _neuron = null;
        await stored.ClearStateAsync();
        DeactivateOnIdle();
    }

    private NeuronSignal Step(double[] g, Activity? span)
    {
        var neuron = Existing();
        var step = Named(() => neuron.Backward(g));
        if (span is not null)
        {
            NeuronTelemetry.Backward(span, step, neuron.Theta);
        }

        return _returnsSignal ? new NeuronSignal(step.Delta, step.ThetaBefore) : new NeuronSignal(Nothing, Nothing);
    }

    private void Load(NeuronSnapshot snapshot)
    {
        var optimizer = snapshot.Optimizer ?? throw new InvalidOperationException($"neuron {this.GetPrimaryKeyString()}: checkpoint {snapshot.Version} has no optimizer");
        var state = new OptimizerState { Step = snapshot.Steps, M = (double[]?)snapshot.M?.Clone(), V = (double[]?)snapshot.V?.Clone() };
        _neuron = new Neuron(Core.Activations.Activations.Parse(stored.State.Activation), snapshot.Theta, optimizer.ToSettings(), state);
        _returnsSignal = stored.State.ReturnsSignal;
    }

    /// <summary>Runs <paramref name="call"/> on the neuron; what it refuses, it refuses naming this neuron.</summary>
    private T Named<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (ArgumentException e) when (e.GetType() == typeof(ArgumentException))
        {
            throw new ArgumentException($"neuron {this.GetPrimaryKeyString()}: {e.Message}", e);
        }
        catch (InvalidOperationException e) when (e.GetType() == typeof(InvalidOperationException))
        {
            throw new InvalidOperationException($"neuron {this.GetPrimaryKeyString()}: {e.Message}", e);
        }
        catch (ArithmeticException e) when (e.GetType() == typeof(ArithmeticException))
        {
            throw new ArithmeticException($"neuron {this.GetPrimaryKeyString()}: {e.Message}", e);
        }
    }

    private Neuron Existing() =>
        _neuron ?? throw new InvalidOperationException($"neuron {this.GetPrimaryKeyString()} does not exist (its network was never created or was deleted)");
}
