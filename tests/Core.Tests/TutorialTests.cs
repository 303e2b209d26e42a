using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using Xunit;
using SigmoidActivation = NetOrleans.Core.Activations.Sigmoid;

namespace NetOrleans.Core.Tests;

/// <summary>The tutorial's printed numbers and its worked backprop example, through Core.</summary>
public sealed class TutorialTests
{
    private const double Eta = 0.1; // the tutorial's learn_rate

    // Alice: 133 pounds, 65 inches, female (1); the tutorial shifts by 135 and 66.
    private static readonly double[] Alice = [133, 65];
    private static readonly double[] AliceTarget = [1];

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double DerivSigmoid(double x) => Sigmoid(x) * (1 - Sigmoid(x));

    [Fact]
    public void Neuron_with_weights_0_and_1_and_bias_4_gives_the_tutorials_output()
    {
        // theta = [w1, w2, b] = [0, 1, 4]
        var neuron = new Neuron(SigmoidActivation.Instance, [0, 1, 4], new OptimizerSettings());

        var a = neuron.Forward(new double[] { 2, 3 }, train: false);

        Assert.Single(a);
        Assert.Equal(0.9990889488055994, a[0], 1e-15);
    }

    [Fact]
    public void Feedforward_network_gives_the_tutorials_output()
    {
        var spec = NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid");
        double[][][] theta = [[[0, 1, 0], [0, 1, 0]], [[0, 1, 0]]];
        var network = new ReferenceNetwork(new NetworkModel(spec, theta), new OptimizerSettings());

        var a = network.Predict([2, 3]);

        Assert.Single(a);
        Assert.Equal(0.7216325609518421, a[0], 1e-15);
    }

    [Fact]
    public void Mse_of_always_zero_is_one_half()
    {
        double[] yTrue = [1, 0, 0, 1];
        double[] yPred = [0, 0, 0, 0];

        Assert.Equal(0.5, MeanSquaredError.Instance.Value(yPred, yTrue, 1));
    }

    [Fact]
    public void Worked_example_gradients_are_what_one_sgd_step_applies()
    {
        var tutorial = TutorialGradients();
        var model = WorkedExampleModel();

        var (grad, loss) = FiniteDifferences.SgdGradient(model, Alice, AliceTarget, Eta);

        Assert.Equal(tutorial.Loss, loss, 1e-15);
        foreach (var (name, l, j, p, expected) in tutorial.Partials)
        {
            var actual = grad[l][j][p];
            Assert.True(Math.Abs(expected - actual) <= 1e-12, $"{name}: tutorial {expected:R}, SGD step implies {actual:R}");
        }
    }

    [Fact]
    public void Worked_example_gradients_match_central_differences()
    {
        var tutorial = TutorialGradients();
        var model = WorkedExampleModel();

        foreach (var (name, l, j, p, expected) in tutorial.Partials)
        {
            var numeric = FiniteDifferences.Central(model, l, j, p, 1e-6, Alice, AliceTarget);
            Assert.True(Math.Abs(expected - numeric) <= 1e-6, $"{name}: tutorial {expected:R}, finite difference {numeric:R}");
        }
    }

    [Fact]
    public void Worked_example_has_the_tutorials_intermediate_numbers()
    {
        var tutorial = TutorialGradients();

        // h1 = h2 = f(-3) = 0.0474; o1 = f(0.0948) = 0.524; dL/dypred = -0.952;
        // dypred/dh1 = w5 f'(0.0948) = 0.249; dh1/dw1 = x1 f'(-3) = -0.0904; dL/dw1 = 0.0214.
        Assert.Equal(0.0474, tutorial.H1, 1e-4);
        Assert.Equal(0.524, tutorial.YPred, 1e-3);
        Assert.Equal(-0.952, tutorial.DLDYPred, 1e-3);
        Assert.Equal(0.249, tutorial.DYPredDH1, 1e-3);
        Assert.Equal(-0.0904, tutorial.DH1DW1, 1e-4);
        Assert.Equal(0.0214, tutorial.Partials[0].Value, 1e-4);
        Assert.Equal("dL/dw1", tutorial.Partials[0].Name);
    }

    /// <summary>All weights 1, all biases 0, inputs shifted by the tutorial's 135 and 66.</summary>
    private static NetworkModel WorkedExampleModel()
    {
        var spec = new NetworkSpec(2, [new LayerSpec(2, ActivationKind.Sigmoid), new LayerSpec(1, ActivationKind.Sigmoid)], LossKind.Mse, [135, 66], [1, 1]);
        double[][][] theta = [[[1, 1, 0], [1, 1, 0]], [[1, 1, 0]]];
        return new NetworkModel(spec, theta);
    }

    /// <summary>The tutorial's train() arithmetic for one sample, term by term.</summary>
    private static WorkedExample TutorialGradients()
    {
        double w1 = 1, w2 = 1, w3 = 1, w4 = 1, w5 = 1, w6 = 1;
        double b1 = 0, b2 = 0, b3 = 0;
        double[] x = [-2, -1];
        double yTrue = 1;

        var sumH1 = w1 * x[0] + w2 * x[1] + b1;
        var h1 = Sigmoid(sumH1);
        var sumH2 = w3 * x[0] + w4 * x[1] + b2;
        var h2 = Sigmoid(sumH2);
        var sumO1 = w5 * h1 + w6 * h2 + b3;
        var o1 = Sigmoid(sumO1);
        var yPred = o1;

        var dLDYPred = -2 * (yTrue - yPred);

        // Neuron o1
        var dYPredDW5 = h1 * DerivSigmoid(sumO1);
        var dYPredDW6 = h2 * DerivSigmoid(sumO1);
        var dYPredDB3 = DerivSigmoid(sumO1);
        var dYPredDH1 = w5 * DerivSigmoid(sumO1);
        var dYPredDH2 = w6 * DerivSigmoid(sumO1);

        // Neuron h1
        var dH1DW1 = x[0] * DerivSigmoid(sumH1);
        var dH1DW2 = x[1] * DerivSigmoid(sumH1);
        var dH1DB1 = DerivSigmoid(sumH1);

        // Neuron h2
        var dH2DW3 = x[0] * DerivSigmoid(sumH2);
        var dH2DW4 = x[1] * DerivSigmoid(sumH2);
        var dH2DB2 = DerivSigmoid(sumH2);

        // (name, layer, neuron, parameter index in [w.., b], value)
        (string Name, int Layer, int Neuron, int Index, double Value)[] partials =
        [
            ("dL/dw1", 0, 0, 0, dLDYPred * dYPredDH1 * dH1DW1),
            ("dL/dw2", 0, 0, 1, dLDYPred * dYPredDH1 * dH1DW2),
            ("dL/db1", 0, 0, 2, dLDYPred * dYPredDH1 * dH1DB1),
            ("dL/dw3", 0, 1, 0, dLDYPred * dYPredDH2 * dH2DW3),
            ("dL/dw4", 0, 1, 1, dLDYPred * dYPredDH2 * dH2DW4),
            ("dL/db2", 0, 1, 2, dLDYPred * dYPredDH2 * dH2DB2),
            ("dL/dw5", 1, 0, 0, dLDYPred * dYPredDW5),
            ("dL/dw6", 1, 0, 1, dLDYPred * dYPredDW6),
            ("dL/db3", 1, 0, 2, dLDYPred * dYPredDB3),
        ];

        return new WorkedExample(partials, (yTrue - yPred) * (yTrue - yPred), h1, yPred, dLDYPred, dYPredDH1, dH1DW1);
    }

    private sealed record WorkedExample(
        (string Name, int Layer, int Neuron, int Index, double Value)[] Partials,
        double Loss,
        double H1,
        double YPred,
        double DLDYPred,
        double DYPredDH1,
        double DH1DW1);
}
