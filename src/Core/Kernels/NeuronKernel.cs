using System.Numerics.Tensors;

namespace NetOrleans.Core.Kernels;

/// <summary>
/// The batch arithmetic of one neuron with parameters theta = [w_0 .. w_{n-1}, b].
/// Matrices are row-major spans; B is the batch size, n the neuron's fan-in.
/// </summary>
public static class NeuronKernel
{
    /// <summary>z = X w + b.</summary>
    /// <param name="x">B x n inputs</param>
    /// <param name="theta">n + 1 parameters (w, then b)</param>
    /// <param name="z">B pre-activations (output)</param>
    public static void Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> z)
    {
        var n = theta.Length - 1;
        var w = theta[..n];
        var b = theta[n];
        for (var s = 0; s < z.Length; s++)
        {
            z[s] = TensorPrimitives.Dot(x.Slice(s * n, n), w) + b;
        }
    }

    /// <summary>grad_w = X^T delta, grad_b = sum(delta).</summary>
    /// <param name="x">B x n inputs of the forward pass</param>
    /// <param name="delta">B values dL/dz</param>
    /// <param name="grad">n + 1 gradients dL/dtheta (output)</param>
    public static void Gradient(ReadOnlySpan<double> x, ReadOnlySpan<double> delta, Span<double> grad)
    {
        var n = grad.Length - 1;
        var gw = grad[..n];
        gw.Clear();
        for (var s = 0; s < delta.Length; s++)
        {
            // gw += delta_s * x_s
            TensorPrimitives.MultiplyAdd(x.Slice(s * n, n), delta[s], gw, gw);
        }

        grad[n] = TensorPrimitives.Sum(delta);
    }

    /// <summary>
    /// The upstream gradient of neuron i of a layer from the m neurons of the layer above:
    /// g_i[s] = sum_k delta_k[s] w_k[i].
    /// </summary>
    /// <param name="deltas">m x B deltas of the layer above (neuron-major)</param>
    /// <param name="thetas">m x (n + 1) parameters of the layer above as they were before its step</param>
    /// <param name="i">this neuron's index in its layer, 0 &lt;= i &lt; n</param>
    /// <param name="g">B gradients dL/da_i (output)</param>
    public static void UpstreamGradient(ReadOnlySpan<double> deltas, ReadOnlySpan<double> thetas, int i, Span<double> g)
    {
        var batch = g.Length;
        var m = deltas.Length / batch;
        var stride = thetas.Length / m;
        g.Clear();
        for (var k = 0; k < m; k++)
        {
            // g += w_k[i] * delta_k
            TensorPrimitives.MultiplyAdd(deltas.Slice(k * batch, batch), thetas[k * stride + i], g, g);
        }
    }
}
