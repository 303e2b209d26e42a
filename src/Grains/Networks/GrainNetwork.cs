using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
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

    /// <summary>
    /// Every neuron takes its weights θ_j^l = <paramref name="theta"/>(l, j) (l, j 0-based) and a fresh optimizer, a
    /// round of neurons at a time (<see cref="NeuronRounds"/>); <paramref name="initialized"/> hears of each round done.
    /// </summary>
    public async Task Initialize(Func<int, int, double[]> theta, OptimizerSettings optimizer, Action<int> initialized)
    {
        foreach (var round in NeuronRounds.Of(spec))
        {
            await Task.WhenAll(round.Select(n => layers[n.L].Neurons[n.J].Initialize(
                new NeuronSetup(spec.Layers[n.L].Activation, theta(n.L, n.J), optimizer, ReturnsSignal: n.L > 0))));
            initialized(round.Length);
        }
    }

    /// <summary>The parameters of every neuron: θ[l][j] = [w_0 .. w_{n-1}, b] of neuron j of layer l+1.</summary>
    public async Task<double[][][]> Theta() =>
        await Task.WhenAll(layers.Select(async layer =>
            (await Task.WhenAll(layer.Neurons.Select(n => n.GetParameters()))).Select(p => p.Theta).ToArray()));

    /// <summary>
    /// Every neuron writes checkpoint <paramref name="version"/>, a round of neurons at a time; every one must be at
    /// <paramref name="step"/>. <paramref name="checkpointed"/> hears of each round done.
    /// </summary>
    public async Task Checkpoint(long version, long step, long fence, Action<int>? checkpointed = null)
    {
        foreach (var round in NeuronRounds.Of(spec))
        {
            await Task.WhenAll(round.Select(n => layers[n.L].Neurons[n.J].Checkpoint(version, step, fence)));
            checkpointed?.Invoke(round.Length);
        }
    }

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
