using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Routing;

namespace NetOrleans.Grains.Networks;

/// <summary>
/// A network's passes over its neuron grains: the same steps as <see cref="ReferenceNetwork"/>, each layer one call
/// to all of its neurons at once (<see cref="GrainLayer"/>). It holds no state of its own: the neurons hold the weights.
/// </summary>
internal sealed class GrainNetwork(NetworkSpec spec, GrainLayer[] layers)
{
    public NetworkSpec Spec => spec;

    public IReadOnlyList<GrainLayer> Layers => layers;

    /// <summary>The outputs for raw inputs.</summary>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <returns>B x n_L outputs</returns>
    public async Task<double[]> Predict(ReadOnlyMemory<double> x)
    {
        var a = NetworkMath.ScaleInputs(spec, x.Span);
        foreach (var layer in layers)
        {
            a = NetworkMath.Rows(Values(await layer.Forward(a)));
        }

        NetworkMath.FinishOutput(spec, a);
        return a;
    }

    /// <summary>
    /// Training step <paramref name="step"/>: forward through every layer, the loss, and backward from the output layer
    /// down, every neuron stepping. Throws an <see cref="ArithmeticException"/> when the loss or a gradient is not finite.
    /// </summary>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <param name="y">B x n_L targets</param>
    /// <returns>the B x n_L outputs and the batch loss, both before the step</returns>
    public async Task<(double[] A, double Loss)> TrainBatch(Doubles x, Doubles y, long step)
    {
        Doubles hidden = NetworkMath.ScaleInputs(spec, x.Value);
        foreach (var layer in layers[..^1])
        {
            hidden = NetworkMath.Rows(Values(await layer.ForwardForStep(hidden, step)));
        }

        var output = layers[^1];
        double[] a;
        NeuronSignal[] signals;
        if (NetworkMath.OutputIsCoupled(spec))
        {
            a = NetworkMath.Rows(Values(await output.ForwardForStep(hidden, step)));
            NetworkMath.FinishOutput(spec, a);
            var grad = NetworkMath.OutputGradient(spec, a, y.Value);
            if (grad.Any(v => !double.IsFinite(v)))
            {
                throw new ArithmeticException($"the loss became {NetworkMath.Loss(spec, a, y.Value)}");
            }

            signals = await output.BackwardAndStep(grad, step);
        }
        else
        {
            // One call per output neuron: forward, its own loss gradient, backward and step.
            var steps = await output.TrainOutput(hidden, y, spec.Loss, step);
            a = NetworkMath.Rows(steps.Select(s => s.A.Value).ToArray());
            signals = steps.Select(s => new NeuronSignal(s.Delta, s.ThetaBefore)).ToArray();
        }

        var loss = NetworkMath.Loss(spec, a, y.Value);
        if (!double.IsFinite(loss))
        {
            throw new ArithmeticException($"the loss became {loss}");
        }

        foreach (var layer in layers[..^1].Reverse())
        {
            var above = new LayerSignal(
                NetworkMath.Concat(signals.Select(s => s.Delta.Value).ToArray()),
                NetworkMath.Concat(signals.Select(s => s.ThetaBefore.Value).ToArray()));
            signals = await layer.BackwardAndStepFromLayer(above, step);
        }

        return (a, loss);
    }

    /// <summary>Every neuron grain of the network, layer by layer.</summary>
    public IEnumerable<Interfaces.INeuronGrain> Neurons => layers.SelectMany(layer => layer.Neurons);

    /// <summary>Every neuron takes its weights θ_j^l from <paramref name="model"/> and a fresh optimizer.</summary>
    public Task Initialize(NetworkModel model, OptimizerSetup optimizer) =>
        Task.WhenAll(layers.SelectMany((layer, l) => layer.Neurons.Select((neuron, j) =>
            neuron.Initialize(new NeuronSetup(spec.Layers[l].Activation, model.Theta[l][j], optimizer, ReturnsSignal: l > 0)))));

    /// <summary>The parameters of every neuron: θ[l][j] = [w_0 .. w_{n-1}, b] of neuron j of layer l+1.</summary>
    public async Task<double[][][]> Theta() =>
        await Task.WhenAll(layers.Select(async layer =>
            (await Task.WhenAll(layer.Neurons.Select(n => n.GetParameters()))).Select(p => p.Theta).ToArray()));

    /// <summary>Every neuron writes checkpoint <paramref name="version"/>; every one must be at <paramref name="step"/>.</summary>
    public Task Checkpoint(long version, long step, long fence) =>
        Task.WhenAll(layers.Select(layer => layer.Checkpoint(version, step, fence)));

    /// <summary>Every neuron goes back to checkpoint <paramref name="version"/>; throws unless every one comes back at <paramref name="step"/>.</summary>
    public async Task Restore(long version, long step, long fence)
    {
        var steps = await Task.WhenAll(layers.Select(layer => layer.Restore(version, fence)));
        for (var l = 0; l < steps.Length; l++)
        {
            var j = Array.FindIndex(steps[l], s => s != step);
            if (j >= 0)
            {
                throw new InvalidOperationException($"checkpoint {version} does not hold together: neuron {l + 1}/{j} came back at step {steps[l][j]}, its network at step {step}");
            }
        }
    }

    /// <summary>Finds where every neuron lives and plans each layer's route from <paramref name="here"/>.</summary>
    public Task Locate(string here, Func<string, Interfaces.ISiloRelayGrain> relay) =>
        Task.WhenAll(layers.Select(layer => layer.Locate(here, relay)));

    private static double[][] Values(Doubles[] columns) => Array.ConvertAll(columns, c => c.Value);
}
