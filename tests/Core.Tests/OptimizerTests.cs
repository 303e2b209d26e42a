using NetOrleans.Core.Optimizers;
using Xunit;

namespace NetOrleans.Core.Tests;

/// <summary>Two steps of each optimizer on theta = [w0, w1, b] against the update rules written out by hand.</summary>
public sealed class OptimizerTests
{
    private static readonly double[] Theta0 = [0.5, -1.0, 0.25];
    private static readonly double[] Grad1 = [0.1, -0.2, 0.3];
    private static readonly double[] Grad2 = [0.05, 0.4, -0.1];

    [Fact]
    public void Sgd_subtracts_eta_times_the_gradient()
    {
        var settings = new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 0.1);
        var state = new OptimizerState();
        double[] theta = [.. Theta0];

        Optimizer.Step(settings, state, theta, Grad1);
        // theta1 = theta0 - eta g1
        AssertClose([0.5 - 0.1 * 0.1, -1.0 - 0.1 * -0.2, 0.25 - 0.1 * 0.3], theta);

        Optimizer.Step(settings, state, theta, Grad2);
        // theta2 = theta1 - eta g2
        AssertClose([0.49 - 0.1 * 0.05, -0.98 - 0.1 * 0.4, 0.22 - 0.1 * -0.1], theta);
        Assert.Equal(2, state.Step);
    }

    [Fact]
    public void Momentum_accumulates_velocity()
    {
        var settings = new OptimizerSettings(OptimizerKind.Momentum, LearningRate: 0.1, Momentum: 0.9);
        var state = new OptimizerState();
        double[] theta = [.. Theta0];

        // v1 = 0.9 * 0 + g1 = g1; theta1 = theta0 - eta v1
        Optimizer.Step(settings, state, theta, Grad1);
        AssertClose([0.5 - 0.1 * 0.1, -1.0 - 0.1 * -0.2, 0.25 - 0.1 * 0.3], theta);
        AssertClose([0.1, -0.2, 0.3], state.M!);

        // v2 = 0.9 v1 + g2 = [0.14, 0.22, 0.17]; theta2 = theta1 - eta v2
        Optimizer.Step(settings, state, theta, Grad2);
        double[] v2 = [0.9 * 0.1 + 0.05, 0.9 * -0.2 + 0.4, 0.9 * 0.3 + -0.1];
        AssertClose([0.14, 0.22, 0.17], v2);
        AssertClose(v2, state.M!);
        AssertClose([0.49 - 0.1 * v2[0], -0.98 - 0.1 * v2[1], 0.22 - 0.1 * v2[2]], theta);
        Assert.Null(state.V);
        Assert.Equal(2, state.Step);
    }

    [Fact]
    public void Adam_uses_bias_corrected_moments()
    {
        const double eta = 0.01, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        var settings = new OptimizerSettings(OptimizerKind.Adam, LearningRate: eta, Beta1: beta1, Beta2: beta2, Epsilon: eps);
        var state = new OptimizerState();
        double[] theta = [.. Theta0];
        double[] m = [0, 0, 0], v = [0, 0, 0], expected = [.. Theta0];

        for (var t = 1; t <= 2; t++)
        {
            var g = t == 1 ? Grad1 : Grad2;
            Optimizer.Step(settings, state, theta, g);
            for (var i = 0; i < 3; i++)
            {
                // m_t = b1 m + (1 - b1) g; v_t = b2 v + (1 - b2) g^2
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                // mhat = m / (1 - b1^t); vhat = v / (1 - b2^t); theta -= eta mhat / (sqrt(vhat) + eps)
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                expected[i] -= eta * mHat / (Math.Sqrt(vHat) + eps);
            }

            AssertClose(expected, theta);
            AssertClose(m, state.M!);
            AssertClose(v, state.V!);
            Assert.Equal(t, state.Step);

            if (t == 1)
            {
                // Bias correction makes the first step eta * sign(g) (up to eps): 0.5 - 0.01, -1 + 0.01, 0.25 - 0.01.
                Assert.Equal(0.49, theta[0], 1e-8);
                Assert.Equal(-0.99, theta[1], 1e-8);
                Assert.Equal(0.24, theta[2], 1e-8);
            }
        }

        // Step 2 by hand for w0: m = 0.9 * 0.01 + 0.1 * 0.05 = 0.014, v = 0.999 * 1e-5 + 0.001 * 0.0025 = 1.2490e-5,
        // mhat = 0.014 / 0.19 = 0.0736842, vhat = 1.249e-5 / 0.001999 = 0.00624812, step = 0.01 * 0.0736842 / 0.0790451 = 0.00932180.
        Assert.Equal(0.49 - 0.0093218, theta[0], 1e-7);
    }

    [Fact]
    public void Unknown_optimizer_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => OptimizerKinds.Parse("rmsprop"));
        Assert.Contains("unknown optimizer 'rmsprop'", e.Message);

        // A kind outside the enum (from a peer on the wire) is refused too.
        var settings = new OptimizerSettings((OptimizerKind)99);
        Assert.Throws<ArgumentException>(settings.Validate);
        Assert.Throws<ArgumentException>(() => Optimizer.Step(settings, new OptimizerState(), new double[2], new double[2]));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-15, $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
