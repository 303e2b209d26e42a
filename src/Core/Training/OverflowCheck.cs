using System.Globalization;
using System.Numerics.Tensors;
using NetOrleans.Core.Data;
using NetOrleans.Core.Kernels;
using NetOrleans.Core.Models;

namespace NetOrleans.Core.Training;

/// <summary>
/// Finds samples that are finite numbers but overflow the network's first forward pass (a CSV of 1e308): their scaled
/// inputs, a neuron's z or a, or the loss, come out infinite or NaN. A bound clears almost every row at the cost of
/// reading it once (|z| of layer l is at most max_j sum_i |w_ji| times the bound of its input, plus max_j |b_j|; a
/// sigmoid or tanh bounds its output by 1); only a row the bound cannot clear goes through the layers for real.
/// </summary>
public static class OverflowCheck
{
    /// <summary>Values below this cannot overflow a loss: its square and a sum over a batch of them stay finite.</summary>
    private const double Safe = 1e150;

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
            for (var l = 0; l < gains.Length && bound < Safe; l++)
            {
                var z = gains[l] * bound + biases[l];
                bound = spec.Layers[l].Activation is "sigmoid" or "tanh" ? 1 : z;
            }

            if (!(bound < Safe) || !(Math.Abs(TensorPrimitives.MaxMagnitude(data.Target(r))) < Safe))
            {
                Forward(model, data, r, x);
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
        var where = Where(data, r, x);
        if (Array.FindIndex(x, v => !double.IsFinite(v)) is var c and >= 0)
        {
            throw Overflow(data, r, c, $"scaled by the network's input scaling it is {x[c].ToString(CultureInfo.InvariantCulture)}");
        }

        var input = x;
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var activation = Activations.Activations.Parse(spec.Layers[l].Activation);
            var output = new double[spec.Layers[l].Size];
            for (var j = 0; j < output.Length; j++)
            {
                var z = new double[1];
                var a = new double[1];
                NeuronKernel.Forward(input, model.Theta[l][j], z);
                activation.Forward(z, a);
                if (!double.IsFinite(z[0]) || !double.IsFinite(a[0]))
                {
                    throw Overflow(data, r, where, $"layer {l + 1} neuron {j} computes z = {z[0].ToString(CultureInfo.InvariantCulture)}");
                }

                output[j] = a[0];
            }

            input = output;
        }

        NetworkMath.FinishOutput(spec, input);
        var loss = NetworkMath.Loss(spec, input, data.Target(r));
        if (!double.IsFinite(loss) || input.Any(v => !double.IsFinite(v)))
        {
            var target = data.Target(r).ToArray();
            var column = Enumerable.Range(0, target.Length).MaxBy(k => Math.Abs(target[k]));
            throw new DataFormatException($"{Row(data, r)}: target column {column + 1} has {target[column].ToString(CultureInfo.InvariantCulture)}, which makes the {spec.Loss} loss of the network's first forward pass {loss.ToString(CultureInfo.InvariantCulture)}: scale the targets down");
        }
    }

    /// <summary>The input column most to blame: the largest scaled value of the row.</summary>
    private static int Where(DataSet data, int r, double[] x) =>
        Enumerable.Range(0, x.Length).MaxBy(c => double.IsFinite(x[c]) ? Math.Abs(x[c]) : double.PositiveInfinity);

    private static DataFormatException Overflow(DataSet data, int r, int c, string what) =>
        new($"{Row(data, r)}: column '{data.FeatureNames[c]}' has {data.Row(r)[c].ToString(CultureInfo.InvariantCulture)}, a finite number that overflows the network's first forward pass ({what}): scale the data (--scale standard) or use smaller values");

    /// <summary>"file.csv:3" where the line is known, else "name row 3" (rows from 1).</summary>
    private static string Row(DataSet data, int r) =>
        data.Lines is { } lines ? $"{data.Name}:{lines[r]}" : $"{data.Name} row {r + 1}";
}
