using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using Xunit;

namespace NetOrleans.Core.Tests;

/// <summary>
/// Backprop against finite differences on small random networks: the gradient one SGD step of the reference trainer
/// applies equals the numerical derivative of NetworkMath.Loss over the whole batch, for every activation and loss.
/// </summary>
public sealed class GradientCheckTests
{
    private const int Batch = 3;

    // A power of two: eta * grad and (before - after) / eta add no rounding of their own.
    private const double Eta = 1.0 / 64;

    // Five-point stencil step: truncation error ~h^4, rounding ~1e-16 |L| / h.
    private const double H = 1e-3;

    // No relu pre-activation may be this close to its kink: a 2h nudge of any parameter stays on one side.
    private const double KinkMargin = 0.02;

    /// <summary>Layer sizes, hidden activations (one per hidden layer), output activation, loss, seed.</summary>
    public static TheoryData<string, string, string, string, int> Networks => new()
    {
        { "3,4,3", "sigmoid", "softmax", "cross-entropy", 1 },
        { "3,4,3", "tanh", "softmax", "cross-entropy", 2 },
        { "3,4,3", "relu", "softmax", "cross-entropy", 3 },
        { "3,4,3", "linear", "softmax", "cross-entropy", 4 },
        { "3,4,3", "tanh", "softmax", "mse", 5 },
        { "3,4,3", "sigmoid", "sigmoid", "mse", 6 },
        { "3,4,3", "linear", "tanh", "mse", 7 },
        { "3,4,3", "tanh", "relu", "mse", 8 },
        { "3,4,3", "relu", "linear", "mse", 29 },
        { "2,5,1", "sigmoid", "sigmoid", "cross-entropy", 10 },
        { "2,5,1", "relu", "sigmoid", "cross-entropy", 11 },
        { "2,5,1", "tanh", "sigmoid", "cross-entropy", 12 },
        { "2,5,1", "tanh", "linear", "mse", 13 },
        { "2,5,1", "relu", "sigmoid", "mse", 24 },
        { "3,4,5,3", "sigmoid,relu", "softmax", "cross-entropy", 15 },
        { "2,3,4,1", "tanh,linear", "sigmoid", "cross-entropy", 16 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void Sgd_step_applies_the_finite_difference_gradient(string sizes, string hidden, string output, string loss, int seed)
    {
        var model = RandomModel(sizes, hidden, output, loss, seed);
        var (x, y) = RandomBatch(model.Spec, seed);
        AssertNoReluNearItsKink(model, x);

        var (grad, batchLoss) = FiniteDifferences.SgdGradient(model, x, y, Eta);

        Assert.Equal(FiniteDifferences.Loss(model, x, y), batchLoss, 1e-15);
        var largest = 0.0;
        for (var l = 0; l < grad.Length; l++)
        {
            for (var j = 0; j < grad[l].Length; j++)
            {
                for (var p = 0; p < grad[l][j].Length; p++)
                {
                    var numeric = FiniteDifferences.FivePoint(model, l, j, p, H, x, y);
                    var error = FiniteDifferences.RelativeError(grad[l][j][p], numeric);
                    Assert.True(
                        error <= 1e-6,
                        $"layer {l + 1} neuron {j} parameter {p}: backprop {grad[l][j][p]:R}, finite difference {numeric:R}, relative error {error:E2}");
                    largest = Math.Max(largest, Math.Abs(numeric));
                }
            }
        }

        // The check means something only if the loss actually depends on the parameters.
        Assert.True(largest > 1e-3, $"largest gradient {largest:E2}");
    }

    [Fact]
    public void Softmax_cross_entropy_output_gradient_is_p_minus_y_over_b()
    {
        var model = RandomModel("3,4,3", "tanh", "softmax", "cross-entropy", 21);
        var (x, y) = RandomBatch(model.Spec, 21);
        var p = new ReferenceNetwork(model, new OptimizerSettings()).Predict(x);

        var grad = NetworkMath.OutputGradient(model.Spec, p, y);

        Assert.Equal(p.Length, grad.Length);
        for (var i = 0; i < p.Length; i++)
        {
            Assert.Equal((p[i] - y[i]) / Batch, grad[i], 1e-15);
        }

        // The shortcut is the chain rule through the loss and the softmax Jacobian.
        var chain = new double[p.Length];
        CrossEntropy.Instance.Gradient(p, y, 3, chain);
        Softmax.BackwardRows(p, chain, 3);
        for (var i = 0; i < p.Length; i++)
        {
            Assert.Equal(chain[i], grad[i], 1e-12);
        }
    }

    [Fact]
    public void Softmax_rows_are_probabilities()
    {
        double[] z = [1, 2, 3, 1000, 1000, -1000];

        Softmax.NormaliseRows(z, 3);

        var e = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(1) / e, z[0], 1e-15);
        Assert.Equal(Math.Exp(2) / e, z[1], 1e-15);
        Assert.Equal(Math.Exp(3) / e, z[2], 1e-15);
        Assert.Equal([0.5, 0.5, 0.0], z[3..]);
    }

    private static NetworkModel RandomModel(string sizes, string hidden, string output, string loss, int seed)
    {
        var widths = sizes.Split(',').Select(int.Parse).ToArray();
        var activations = hidden.Split(',');
        Assert.Equal(widths.Length - 2, activations.Length);
        var layers = widths.Skip(1)
            .Select((n, l) => LayerSpec.Parse(n, l == widths.Length - 2 ? output : activations[l], l + 1))
            .ToArray();
        var spec = new NetworkSpec(widths[0], layers, Core.Losses.Losses.Parse(loss), new double[widths[0]], Enumerable.Repeat(1.0, widths[0]).ToArray());
        var model = Initialization.Create(spec, seed);

        // Initialization leaves biases at 0; give them values so their gradients are tested in general position.
        var random = SeededRandom.For(seed, 1000);
        foreach (var layer in model.Theta)
        {
            foreach (var theta in layer)
            {
                theta[^1] = 0.5 * random.NextGaussian();
            }
        }

        return model;
    }

    private static (double[] X, double[] Y) RandomBatch(NetworkSpec spec, int seed)
    {
        var random = SeededRandom.For(seed, 2000);
        var x = Enumerable.Range(0, Batch * spec.Inputs).Select(_ => random.NextGaussian()).ToArray();
        var k = spec.Outputs;
        var y = new double[Batch * k];
        var output = spec.Layers[^1].Activation;
        for (var s = 0; s < Batch; s++)
        {
            if (output == ActivationKind.Softmax)
            {
                y[s * k + random.Next(k)] = 1; // one-hot
            }
            else if (spec.Loss == LossKind.CrossEntropy)
            {
                y[s] = s % 2 == 0 ? 1 : 0; // one sigmoid output: classes 0 and 1
            }
            else
            {
                for (var j = 0; j < k; j++)
                {
                    y[s * k + j] = output is ActivationKind.Sigmoid or ActivationKind.Relu ? random.NextDouble() : random.NextGaussian();
                }
            }
        }

        return (x, y);
    }

    /// <summary>Recomputes every pre-activation z and fails when a relu one lies within the margin of 0.</summary>
    private static void AssertNoReluNearItsKink(NetworkModel model, double[] x)
    {
        var input = x;
        var n = model.Spec.Inputs;
        for (var l = 0; l < model.Theta.Length; l++)
        {
            var layer = model.Theta[l];
            var f = model.Spec.Layers[l].Activation.Function();
            var next = new double[Batch * layer.Length];
            for (var j = 0; j < layer.Length; j++)
            {
                for (var s = 0; s < Batch; s++)
                {
                    var z = layer[j][n];
                    for (var i = 0; i < n; i++)
                    {
                        z += layer[j][i] * input[s * n + i];
                    }

                    if (f is Relu)
                    {
                        Assert.True(Math.Abs(z) > KinkMargin, $"layer {l + 1} neuron {j} sample {s}: z = {z} is at a relu kink; pick another seed");
                    }

                    var a = new double[1];
                    f.Forward([z], a);
                    next[s * layer.Length + j] = a[0];
                }
            }

            input = next;
            n = layer.Length;
        }
    }
}
