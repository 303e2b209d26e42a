using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Core.Activations;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;

namespace NetOrleans.Client.Commands;

/// <summary>
/// Training that failed without an error: a loss that has not moved, or a network that gives every sample the same
/// outputs. One line naming the likely causes, or nothing.
/// </summary>
public static class TrainingWarnings
{
    /// <summary>Fewer epochs than this say nothing about a flat loss.</summary>
    public const int MinEpochs = 10;

    /// <summary>Relative change below which a loss or an output "has not moved".</summary>
    private const double Tolerance = 1e-9;

    /// <summary>Scaled inputs larger than this in magnitude count as unscaled.</summary>
    private const double LargeInput = 10;

    /// <summary>The warning line, or null when the loss moved and the outputs differ.</summary>
    /// <param name="records">the job's epoch records</param>
    /// <param name="outputs">B x k outputs of the first B training samples</param>
    /// <param name="k">outputs per sample</param>
    /// <param name="spec">the network, for its activations and input scaling</param>
    /// <param name="train">the training split</param>
    /// <param name="learningRate">the optimizer's learning rate</param>
    public static string? Check(IReadOnlyList<EpochRecord> records, double[] outputs, int k, NetworkSpec spec, DataSet train, double learningRate)
    {
        var symptoms = new List<string>();
        if (records.Count >= MinEpochs && Flat(records.Select(r => r.TrainLoss).ToArray()))
        {
            symptoms.Add($"the loss has not moved in {Plural.Of(records.Count, "epoch")} ({Number(records[^1].TrainLoss)})");
        }

        var rows = outputs.Length / k;
        if (rows > 1 && Enumerable.Range(0, k).All(j => Flat(Enumerable.Range(0, rows).Select(r => outputs[r * k + j]).ToArray())))
        {
            symptoms.Add($"every training sample gets the same prediction ({string.Join(", ", outputs.Take(k).Select(Number))})");
        }

        if (symptoms.Count == 0)
        {
            return null;
        }

        return $"warning: {string.Join(" and ", symptoms)}: likely {string.Join(", or ", Causes(spec, train, learningRate))}";
    }

    private static IEnumerable<string> Causes(NetworkSpec spec, DataSet train, double learningRate)
    {
        if (spec.Layers.Any(l => l.Activation == ActivationKind.Relu))
        {
            yield return "dead relu units (a relu that only gets negative input gives 0 and learns nothing: try --activation tanh, or a smaller --lr)";
        }

        yield return $"a learning rate too large or too small (--lr {learningRate.ToString(CultureInfo.InvariantCulture)})";
        if (LargestScaledInput(spec, train) > LargeInput)
        {
            yield return "unscaled inputs (try --scale standard)";
        }
    }

    /// <summary>The largest |(x - shift) / scale| over the training features.</summary>
    private static double LargestScaledInput(NetworkSpec spec, DataSet train)
    {
        var largest = 0.0;
        for (var i = 0; i < train.X.Length; i++)
        {
            var f = i % train.Features;
            largest = Math.Max(largest, Math.Abs((train.X[i] - spec.InputShift[f]) / spec.InputScale[f]));
        }

        return largest;
    }

    private static bool Flat(double[] values)
    {
        var (min, max) = (values.Min(), values.Max());
        return double.IsFinite(min) && double.IsFinite(max) && max - min <= Tolerance * Math.Max(1, Math.Abs(max));
    }

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
