using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Core.Training;

/// <summary>
/// The in-process reference trainer: the same neurons and the same network steps as the grains, on one thread,
/// with no messages. It is the cluster tests' oracle (same seed and data: the same weights to the bit)
/// and the benchmark's baseline.
/// </summary>
public sealed class ReferenceNetwork
{
    private readonly Neuron[][] _layers;

    public ReferenceNetwork(NetworkModel model, OptimizerSettings optimizer)
    {
        model.Validate();
        optimizer.Validate();
        Spec = model.Spec;
        _layers = model.Spec.Layers
            .Select((layer, l) => model.Theta[l]
                .Select(t => new Neuron(layer.Activation.Function(), (double[])t.Clone(), optimizer))
                .ToArray())
            .ToArray();
    }

    public NetworkSpec Spec { get; }

    /// <summary>The outputs for raw inputs.</summary>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <returns>B x n_L outputs</returns>
    public double[] Predict(ReadOnlySpan<double> x) => Forward(x, train: false);

    /// <summary>One optimizer step on one batch.</summary>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <param name="y">B x n_L targets</param>
    /// <returns>the batch loss before the step</returns>
    public double TrainBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var output = _layers[^1];
        var steps = new NeuronStep[output.Length];
        var hidden = Forward(x, train: true, _layers.Length - 1);
        double[] a;
        if (NetworkMath.OutputIsCoupled(Spec))
        {
            a = NetworkMath.Rows(output.Select(n => n.Forward(hidden, train: true)).ToArray());
            NetworkMath.FinishOutput(Spec, a);
            var grad = NetworkMath.OutputGradient(Spec, a, y);
            for (var j = 0; j < output.Length; j++)
            {
                steps[j] = output[j].Backward(NetworkMath.Column(grad, output.Length, j));
            }
        }
        else
        {
            // Each output neuron does forward, its own loss gradient and backward in one go, as the grain does.
            var loss = Spec.Loss.Function();
            var columns = new double[output.Length][];
            for (var j = 0; j < output.Length; j++)
            {
                (columns[j], steps[j]) = output[j].TrainOutput(hidden, y, loss, j);
            }

            a = NetworkMath.Rows(columns);
        }

        var batch = a.Length / output.Length;
        for (var l = _layers.Length - 2; l >= 0; l--)
        {
            var deltas = NetworkMath.Concat(steps.Select(s => s.Delta).ToArray());
            var thetas = NetworkMath.Concat(steps.Select(s => s.ThetaBefore).ToArray());
            var layer = _layers[l];
            steps = new NeuronStep[layer.Length];
            var g = new double[batch];
            for (var i = 0; i < layer.Length; i++)
            {
                Kernels.NeuronKernel.UpstreamGradient(deltas, thetas, i, g);
                steps[i] = layer[i].Backward(g);
            }
        }

        return NetworkMath.Loss(Spec, a, y);
    }

    /// <summary>The current parameters as a model.</summary>
    public NetworkModel Export() =>
        new(Spec, _layers.Select(layer => layer.Select(n => (double[])n.Theta.Clone()).ToArray()).ToArray());

    private double[] Forward(ReadOnlySpan<double> x, bool train) => Forward(x, train, _layers.Length);

    /// <summary>The first <paramref name="layers"/> layers' output (B x n_layers); the whole network's is finished (softmax).</summary>
    private double[] Forward(ReadOnlySpan<double> x, bool train, int layers)
    {
        var input = NetworkMath.ScaleInputs(Spec, x);
        foreach (var layer in _layers.Take(layers))
        {
            var columns = new double[layer.Length][];
            for (var j = 0; j < layer.Length; j++)
            {
                columns[j] = layer[j].Forward(input, train);
            }

            input = NetworkMath.Rows(columns);
        }

        if (layers == _layers.Length)
        {
            NetworkMath.FinishOutput(Spec, input);
        }

        return input;
    }
}
