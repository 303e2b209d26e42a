using NetOrleans.Core.Kernels;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.State;
using Orleans.Runtime;

namespace NetOrleans.Grains;

/// <summary>One neuron: runs <see cref="Neuron"/> on the batches its network sends, and keeps its own weights.</summary>
public sealed class NeuronGrain(
    [PersistentState("neuron", StorageNames.Store)] IPersistentState<NeuronState> stored) : Grain, INeuronGrain
{
    private static readonly double[] Nothing = [];
    private Neuron? _neuron;
    private bool _returnsSignal;

    /// <summary>i, this neuron's index in its layer.</summary>
    private int Index => NeuronKeys.Parse(this.GetPrimaryKeyString()).Index;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (stored.RecordExists && stored.State.Optimizer is { } optimizer)
        {
            var s = stored.State;
            var state = new OptimizerState { Step = s.Steps, M = (double[]?)s.M?.Clone(), V = (double[]?)s.V?.Clone() };
            _neuron = new Neuron(Core.Activations.Activations.Parse(s.Activation), s.Theta, optimizer.ToSettings(), state);
            _returnsSignal = s.ReturnsSignal;
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

    public Task<Immutable<double[]>> Forward(Immutable<double[]> x, bool train) =>
        Task.FromResult(Existing().Forward(x.Value, train).AsImmutable());

    public Task<NeuronSignal> BackwardFromLoss(Immutable<double[]> g) => Task.FromResult(Step(g.Value));

    public Task<NeuronSignal> BackwardFromLayer(LayerSignal above)
    {
        var neuron = Existing();
        if (!neuron.HasPendingForward)
        {
            throw new InvalidOperationException($"neuron {this.GetPrimaryKeyString()}: backward called before forward");
        }

        var g = new double[neuron.PendingBatch];
        NeuronKernel.UpstreamGradient(above.Deltas, above.Thetas, Index, g);
        return Task.FromResult(Step(g));
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

    public async Task Checkpoint()
    {
        var neuron = Existing();
        stored.State = new NeuronState
        {
            Activation = neuron.F.Name,
            Theta = neuron.Theta,
            Optimizer = OptimizerSetup.From(neuron.Optimizer),
            Steps = neuron.State.Step,
            M = (double[]?)neuron.State.M?.Clone(),
            V = (double[]?)neuron.State.V?.Clone(),
            ReturnsSignal = _returnsSignal,
        };
        await stored.WriteStateAsync();
    }

    public async Task Delete()
    {
        _neuron = null;
        await stored.ClearStateAsync();
        DeactivateOnIdle();
    }

    private NeuronSignal Step(double[] g)
    {
        var step = Existing().Backward(g);
        return _returnsSignal ? new NeuronSignal(step.Delta, step.ThetaBefore) : new NeuronSignal(Nothing, Nothing);
    }

    private Neuron Existing() =>
        _neuron ?? throw new InvalidOperationException($"neuron {this.GetPrimaryKeyString()} does not exist (its network was never created or was deleted)");
}
