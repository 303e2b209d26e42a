using NetOrleans.Core.Activations;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.State;

namespace NetOrleans.Grains;

/// <summary>
/// A neuron's checkpoints: the network's checkpoint version v goes into slot v mod 2, so the version before it stays
/// stored; a restore loads a slot back, and a run older than the newest fence the neuron has seen is refused.
/// </summary>
public sealed partial class NeuronGrain
{
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
}
