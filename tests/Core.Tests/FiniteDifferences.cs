using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;

namespace NetOrleans.Core.Tests;

/// <summary>Gradients two ways: implied by one SGD step of the reference trainer, and by finite differences of the loss.</summary>
internal static class FiniteDifferences
{
    /// <summary>NetworkMath.Loss of the model's predictions on the batch.</summary>
    public static double Loss(NetworkModel model, double[] x, double[] y)
    {
        var network = new ReferenceNetwork(model, new OptimizerSettings());
        return NetworkMath.Loss(model.Spec, network.Predict(x), y);
    }

    /// <summary>(L(theta + h e) - L(theta - h e)) / 2h for parameter p of neuron j of layer l.</summary>
    public static double Central(NetworkModel model, int l, int j, int p, double h, double[] x, double[] y)
    {
        var theta = Clone(model.Theta);
        var v = theta[l][j][p];
        var up = v + h;
        var down = v - h;
        theta[l][j][p] = up;
        var plus = Loss(model with { Theta = theta }, x, y);
        theta[l][j][p] = down;
        var minus = Loss(model with { Theta = theta }, x, y);
        return (plus - minus) / (up - down);
    }

    /// <summary>
    /// The five-point central difference (8 (L(+h) - L(-h)) - (L(+2h) - L(-2h))) / 12h: truncation error O(h^4),
    /// so h can be large enough that rounding in L does not swamp small gradients.
    /// </summary>
    public static double FivePoint(NetworkModel model, int l, int j, int p, double h, double[] x, double[] y)
    {
        var theta = Clone(model.Theta);
        var v = theta[l][j][p];
        double At(double value)
        {
            theta[l][j][p] = value;
            return Loss(model with { Theta = theta }, x, y);
        }

        // Differences of pairs first, so a loss that does not move gives exactly 0.
        var near = At(v + h) - At(v - h);
        var far = At(v + 2 * h) - At(v - 2 * h);
        return (8 * near - far) / (12 * h);
    }

    /// <summary>The gradient implied by one SGD step: (theta_before - theta_after) / eta, plus the loss TrainBatch reports.</summary>
    public static (double[][][] Gradient, double Loss) SgdGradient(NetworkModel model, double[] x, double[] y, double eta)
    {
        var network = new ReferenceNetwork(model, new OptimizerSettings(OptimizerKind.Sgd, eta));
        var loss = network.TrainBatch(x, y);
        var after = network.Export().Theta;
        var grad = Clone(model.Theta);
        for (var l = 0; l < grad.Length; l++)
        {
            for (var j = 0; j < grad[l].Length; j++)
            {
                for (var p = 0; p < grad[l][j].Length; p++)
                {
                    grad[l][j][p] = (model.Theta[l][j][p] - after[l][j][p]) / eta;
                }
            }
        }

        return (grad, loss);
    }

    /// <summary>|a - b| / max(1e-8, |a| + |b|).</summary>
    public static double RelativeError(double a, double b) => Math.Abs(a - b) / Math.Max(1e-8, Math.Abs(a) + Math.Abs(b));

    public static double[][][] Clone(double[][][] theta) =>
        theta.Select(layer => layer.Select(t => (double[])t.Clone()).ToArray()).ToArray();
}
