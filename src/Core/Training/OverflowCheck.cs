using System.Globalization;
using System.Numerics.Tensors;
using NetOrleans.Core.Activations;
using NetOrleans.Core.Data;
using NetOrleans.Core.Kernels;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;

namespace NetOrleans.Core.Training;

/// <summary>
/// Finds samples that are finite numbers but too large to train on (a CSV of 1e308): a scaled input or a target of
/// magnitude <see cref="Limit"/> or more (the first step multiplies inputs by gradients and the loss squares errors,
/// and those overflow), or a row whose first forward pass overflows (a neuron's z or a, or the loss, comes out
/// infinite or NaN). A bound clears almost every row at the cost of reading it once (|z| of layer l is at most
/// max_j sum_i |w_ji| times the bound of its input, plus max_j |b_j|; a sigmoid or tanh bounds its output by 1);
/// only a row the bound cannot clear goes through the layers for real.
/// </summary>
public static class OverflowCheck
{
    /// <summary>The largest magnitude a scaled input, a target or a pre-activation may reach: about the square root of the largest double.</summary>
    public const double Limit = 1e150;

    /// <summary>Throws a <see cref="DataFormatException"/> naming the first row and column of <paramref name="data"/> that overflows <paramref name="model"/>.</summary>
    /// <param name="model">the network as its first step will find it</param>
    /// <param name="data">N x n inputs, N x k targets (n and k those of the model)</param>
    public static void Check(NetworkModel model, DataSet data)
    {
        var spec = model.Spec;
        var (gains, biases) = Bounds(model);
        for (var r = 0; r < data.Count; r++)
        {
            var x = NetworkMath.ScaleInputs(spec, data.Row(r));
            var bound = Math.Abs(TensorPrimitives.MaxMagnitude(x));
            if (!(bound < Limit))
            {
                var c = Largest(x);
                throw Overflow(data, r, c, $"scaled by the network's input scaling it is {Text(x[c])}, beyond {Text(Limit)}");
            }

            var y = data.Target(r);
            if (!(Math.Abs(TensorPrimitives.MaxMagnitude(y)) < Limit))
            {
                var k = Largest(y.ToArray());
                throw new DataFormatException($"{Row(data, r)}: target column {k + 1} has {Text(y[k])}, a finite number too large to train on (beyond {Text(Limit)}: the loss squares it): scale the targets down");
            }

            for (var l = 0; l < gains.Length && bound < Limit; l++)
            {
                var z = gains[l] * bound + biases[l];
                bound = z < Limit && spec.Layers[l].Activation is ActivationKind.Sigmoid or ActivationKind.Tanh ? 1 : z;
            }

            if (!(bound < Limit))
            {
                Forward(model, data, r, x);
            }
        }
    }

    /// <summary>
    /// Throws a <see cref="DataFormatException"/> when a scaling fitted on <paramref name="data"/> overflowed (a column
    /// of 1e308s has an infinite mean), naming the column and the row of its largest value.
    /// </summary>
    /// <param name="shift">n fitted shifts</param>
    /// <param name="scale">n fitted scales</param>
    public static void CheckScaling(DataSet data, string method, double[] shift, double[] scale)
    {
        for (var c = 0; c < shift.Length; c++)
        {
            if (!double.IsFinite(shift[c]) || !double.IsFinite(scale[c]))
            {
                var r = Enumerable.Range(0, data.Count).MaxBy(i => Math.Abs(data.Row(i)[c]));
                throw Overflow(data, r, c, $"the {method} scaling of its column overflows", "use smaller values, or --scale minmax, which keeps them finite");
            }
        }
    }

    /// <summary>Per layer: max_j sum_i |w_ji| and max_j |b_j|.</summary>
    private static (double[] Gains, double[] Biases) Bounds(NetworkModel model) =>
        (model.Theta.Select(layer => layer.Max(theta => theta[..^1].Sum(Math.Abs))).ToArray(),
         model.Theta.Select(layer => layer.Max(theta => Math.Abs(theta[^1]))).ToArray());

    /// <summary>Row <paramref name="r"/> through the layers as the neurons compute it; throws at the first value that is not finite.</summary>
    /// <param name="x">the row's n_0 scaled inputs</param>
    private static void Forward(NetworkModel model, DataSet data, int r, double[] x)
    {
        var spec = model.Spec;
        var input = x;
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var activation = spec.Layers[l].Activation.Function();
            var output = new double[spec.Layers[l].Size];
            var z = new double[1];
            var a = new double[1];
            for (var j = 0; j < output.Length; j++)
            {
                NeuronKernel.Forward(input, model.Theta[l][j], z);
                activation.Forward(z, a);
                if (!double.IsFinite(z[0]) || !double.IsFinite(a[0]))
                {
                    throw Overflow(data, r, Largest(x), $"layer {l + 1} neuron {j} computes z = {Text(z[0])}");
                }

                output[j] = a[0];
            }

            input = output;
        }

        NetworkMath.FinishOutput(spec, input);
        var loss = NetworkMath.Loss(spec, input, data.Target(r));
        if (!double.IsFinite(loss))
        {
            throw Overflow(data, r, Largest(x), $"the {spec.Loss.Name()} loss is {Text(loss)}");
        }
    }

    /// <summary>The index of the value of largest magnitude (a NaN counts as largest).</summary>
    private static int Largest(double[] values) =>
        Enumerable.Range(0, values.Length).MaxBy(i => double.IsNaN(values[i]) ? double.PositiveInfinity : Math.Abs(values[i]));

    private static DataFormatException Overflow(DataSet data, int r, int c, string what, string advice = "scale the data (--scale standard) or use smaller values") =>
        new($"{Row(data, r)}: column '{data.FeatureNames[c]}' has {Text(data.Row(r)[c])}, a finite number too large to train on ({what}): {advice}");

    /// <summary>"file.csv:3" where the line is known, else "name row 3" (rows from 1).</summary>
    private static string Row(DataSet data, int r) =>
        data.Lines is { } lines ? $"{data.Name}:{lines[r]}" : $"{data.Name} row {r + 1}";

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
