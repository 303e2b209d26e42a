using System.Numerics.Tensors;

namespace NetOrleans.Core.Optimizers;

/// <summary>One optimizer step on one neuron's parameters theta = [w_0 .. w_{n-1}, b].</summary>
public static class Optimizer
{
    /// <summary>theta := theta - step(grad), updating the neuron's optimizer state.</summary>
    /// <param name="settings">the optimizer and its hyper-parameters</param>
    /// <param name="state">this neuron's moments</param>
    /// <param name="theta">n + 1 parameters, updated in place</param>
    /// <param name="grad">n + 1 gradients dL/dtheta</param>
    public static void Step(OptimizerSettings settings, OptimizerState state, Span<double> theta, ReadOnlySpan<double> grad)
    {
        state.Step++;
        var eta = settings.LearningRate;
        switch (settings.Kind)
        {
            case OptimizerKind.Sgd:
                // theta -= eta * grad
                TensorPrimitives.MultiplyAdd(grad, -eta, theta, theta);
                break;
            case OptimizerKind.Momentum:
                {
                    // v = mu v + grad; theta -= eta v
                    var v = state.M ??= new double[theta.Length];
                    TensorPrimitives.MultiplyAdd(v, settings.Momentum, grad, v);
                    TensorPrimitives.MultiplyAdd(v, -eta, theta, theta);
                    break;
                }

            case OptimizerKind.Adam:
                {
                    // m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; theta -= eta mhat / (sqrt(vhat) + eps)
                    var m = state.M ??= new double[theta.Length];
                    var v = state.V ??= new double[theta.Length];
                    var b1 = settings.Beta1;
                    var b2 = settings.Beta2;
                    var c1 = 1.0 - Math.Pow(b1, state.Step);
                    var c2 = 1.0 - Math.Pow(b2, state.Step);
                    for (var i = 0; i < theta.Length; i++)
                    {
                        var g = grad[i];
                        m[i] = b1 * m[i] + (1.0 - b1) * g;
                        v[i] = b2 * v[i] + (1.0 - b2) * g * g;
                        theta[i] -= eta * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + settings.Epsilon);
                    }

                    break;
                }

            default:
                throw OptimizerKinds.Unknown(settings.Kind.ToString());
        }
    }
}
