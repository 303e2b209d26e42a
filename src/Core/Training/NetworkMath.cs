using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;

namespace NetOrleans.Core.Training;

/// <summary>
/// The network-level steps between layers, shared by the network grain and the reference trainer:
/// input scaling, assembling a layer's output, the output layer's gradient, and the layer signals of backprop.
/// </summary>
public static class NetworkMath
{
    /// <summary>x' = (x - shift) / scale, row by row.</summary>
    /// <param name="spec">the network, with n_0 shifts and scales</param>
    /// <param name="x">B x n_0 raw inputs</param>
    /// <returns>B x n_0 scaled inputs (a new array)</returns>
    public static double[] ScaleInputs(NetworkSpec spec, ReadOnlySpan<double> x)
    {
        var n = spec.Inputs;
        CheckBatch(x.Length, n, "input");
        var result = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var f = i % n;
            result[i] = (x[i] - spec.InputShift[f]) / spec.InputScale[f];
        }

        return result;
    }

    /// <summary>Throws unless <paramref name="length"/> is a whole, non-empty batch of rows of <paramref name="width"/> finite values.</summary>
    public static int CheckBatch(int length, int width, string what)
    {
        if (length == 0 || length % width != 0)
        {
            throw new ArgumentException($"{what} of {length} values is not a whole batch of rows of {width}");
        }

        return length / width;
    }

    /// <summary>Throws unless x and y are the same whole, finite batch for the network; returns B.</summary>
    /// <param name="spec">the network</param>
    /// <param name="x">B x n_0 inputs</param>
    /// <param name="y">B x n_L targets</param>
    public static int CheckTrainingBatch(NetworkSpec spec, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var batch = CheckBatch(x.Length, spec.Inputs, "input");
        var targets = CheckBatch(y.Length, spec.Outputs, "target");
        if (batch != targets)
        {
            throw new ArgumentException($"{batch} input rows but {targets} target rows");
        }

        CheckFinite(x, spec.Inputs, "input");
        CheckFinite(y, spec.Outputs, "target");
        return batch;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first value that is NaN or infinite.</summary>
    public static void CheckFinite(ReadOnlySpan<double> values, int width, string what)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{what} row {i / width + 1} column {i % width + 1} is {values[i]}, not a finite number");
            }
        }
    }

    /// <summary>Assembles a layer's output from its neurons' columns.</summary>
    /// <param name="columns">n arrays of B activations, one per neuron</param>
    /// <returns>B x n, row-major</returns>
    public static double[] Rows(IReadOnlyList<double[]> columns)
    {
        var n = columns.Count;
        var batch = columns[0].Length;
        var rows = new double[batch * n];
        for (var j = 0; j < n; j++)
        {
            var c = columns[j];
            for (var s = 0; s < batch; s++)
            {
                rows[s * n + j] = c[s];
            }
        }

        return rows;
    }

    /// <summary>Column j of a B x k matrix.</summary>
    public static double[] Column(ReadOnlySpan<double> matrix, int k, int j)
    {
        var batch = matrix.Length / k;
        var column = new double[batch];
        for (var s = 0; s < batch; s++)
        {
            column[s] = matrix[s * k + j];
        }

        return column;
    }

    /// <summary>Concatenates equal-length arrays: m arrays of c values become one m x c array.</summary>
    public static double[] Concat(IReadOnlyList<double[]> parts)
    {
        var c = parts[0].Length;
        var result = new double[parts.Count * c];
        for (var k = 0; k < parts.Count; k++)
        {
            parts[k].CopyTo(result, k * c);
        }

        return result;
    }

    /// <summary>Turns the output layer's assembled values into outputs: softmax normalises logits, in place.</summary>
    /// <param name="spec">the network</param>
    /// <param name="a">B x k values from the output neurons; on return B x k outputs</param>
    public static void FinishOutput(NetworkSpec spec, Span<double> a)
    {
        if (spec.Layers[^1].Activation.Function().IsLayerCoupled)
        {
            Softmax.NormaliseRows(a, spec.Outputs);
        }
    }

    /// <summary>
    /// The gradient the output neurons receive: dL/da, or dL/dz for a softmax layer
    /// (softmax with cross-entropy: (p - y) / B).
    /// </summary>
    /// <param name="spec">the network</param>
    /// <param name="a">B x k outputs</param>
    /// <param name="y">B x k targets</param>
    /// <returns>B x k gradients</returns>
    public static double[] OutputGradient(NetworkSpec spec, ReadOnlySpan<double> a, ReadOnlySpan<double> y)
    {
        var k = spec.Outputs;
        var loss = spec.Loss.Function();
        var coupled = spec.Layers[^1].Activation.Function().IsLayerCoupled;
        var grad = new double[a.Length];
        if (coupled && loss is CrossEntropy)
        {
            double batch = a.Length / k;
            for (var i = 0; i < a.Length; i++)
            {
                grad[i] = (a[i] - y[i]) / batch;
            }

            return grad;
        }

        loss.Gradient(a, y, k, grad);
        if (coupled)
        {
            Softmax.BackwardRows(a, grad, k);
        }

        return grad;
    }

    /// <summary>True when the output layer is softmax: the network, not each neuron, turns outputs into gradients.</summary>
    public static bool OutputIsCoupled(NetworkSpec spec) => spec.Layers[^1].Activation.Function().IsLayerCoupled;

    /// <summary>The batch loss of outputs a against targets y.</summary>
    public static double Loss(NetworkSpec spec, ReadOnlySpan<double> a, ReadOnlySpan<double> y) =>
        spec.Loss.Function().Value(a, y, spec.Outputs);
}
