using System.Diagnostics;
using NetOrleans.Core.Kernels;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces.Faults;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Grains;

/// <summary>
/// A neuron's part in a training step of its network: the forward pass kept for the step, then the backward pass and
/// the optimizer step. Every call names the network's step; a neuron at another step, or without the forward pass of
/// that step pending, refuses it.
/// </summary>
public sealed partial class NeuronGrain
{
    public Task<Doubles> ForwardForStep(Doubles x, long step)
    {
        var neuron = Existing();
        AtStep(step);
        using var span = Telemetry.StartForward(x.Length / neuron.Inputs);
        var a = neuron.Forward(x.Value, train: true);
        _activity.Forwarded(a, train: true);
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

        _activity.Forwarded(a, train: true);
        _activity.SteppedBack();
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

    private NeuronSignal Step(double[] g, Activity? span)
    {
        var neuron = Existing();
        var taken = neuron.Backward(g);
        _activity.SteppedBack();
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
}
