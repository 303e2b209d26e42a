using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;

namespace NetOrleans.Client.Commands;

/// <summary>
/// `predict --data D`: every row of a data set through the network, printed as a table: the row's inputs, the
/// prediction (the class name and its output, for classifiers) and the row's target when the data has one.
/// </summary>
public static class PredictionTable
{
    /// <summary>The rows to predict: a built-in data set or a file, as `train --data` reads it.</summary>
    public static DataSet Load(string data, string? label) => DataSources.Load(data, label);

    /// <summary>
    /// The rows as <paramref name="inputs"/> features each: the data's features, or, for a file of numbers without a
    /// target column (read with its last column as a target), every column.
    /// </summary>
    public static DataSet Fit(DataSet data, int inputs)
    {
        if (data.Features == inputs)
        {
            return data;
        }

        if (data.Classes is null && data.Features + data.Targets == inputs)
        {
            var x = new double[data.Count * inputs];
            for (var r = 0; r < data.Count; r++)
            {
                data.Row(r).CopyTo(x.AsSpan(r * inputs));
                data.Target(r).CopyTo(x.AsSpan(r * inputs + data.Features));
            }

            var names = data.FeatureNames.Concat(TargetNames(data)).ToArray();
            return new DataSet(data.Name, x, [], inputs, 0, names);
        }

        throw new UsageException($"predict: --data '{data.Name}' has {data.Features} feature columns and {data.Targets} target column(s) but the network takes {inputs} inputs");
    }

    /// <summary>The names of the columns a CSV file's reader took for targets: the last of its header's, else x{n}.</summary>
    private static IEnumerable<string> TargetNames(DataSet data)
    {
        var header = File.Exists(data.Name) ? File.ReadLines(data.Name).FirstOrDefault()?.Split(',').Select(n => n.Trim()).ToArray() : null;
        return header is { } h && h.Length == data.Features + data.Targets
            ? h[data.Features..]
            : Enumerable.Range(data.Features + 1, data.Targets).Select(i => $"x{i}");
    }

    /// <summary>Writes the table: a header line, then one line per row.</summary>
    /// <param name="outputs">N x k outputs, row-major</param>
    public static void Write(CommandContext context, DataSet data, double[] outputs, NetworkSpec spec)
    {
        var k = spec.Outputs;
        var header = new List<string> { "row" };
        header.AddRange(data.FeatureNames);
        header.AddRange(spec.Classes is null ? ["prediction"] : ["class", "output"]);
        if (data.Targets > 0)
        {
            header.Add("target");
        }

        var lines = new List<string[]> { header.ToArray() };
        for (var r = 0; r < data.Count; r++)
        {
            var a = outputs.AsSpan(r * k, k);
            var line = new List<string> { (r + 1).ToString(CultureInfo.InvariantCulture) };
            line.AddRange(data.Row(r).ToArray().Select(Number));
            if (spec.Classes is { } classes)
            {
                var c = Evaluation.PredictedClass(a);
                line.Add(classes[c]);
                line.Add(Number(k == 1 ? a[0] : a[c]));
            }
            else
            {
                line.Add(string.Join(" ", a.ToArray().Select(Number)));
            }

            if (data.Targets > 0)
            {
                var y = data.Target(r);
                line.Add(spec.Classes is { } names ? names[Evaluation.PredictedClass(y)] : string.Join(" ", y.ToArray().Select(Number)));
            }

            lines.Add(line.ToArray());
        }

        var widths = Enumerable.Range(0, header.Count).Select(j => lines.Max(l => l[j].Length)).ToArray();
        foreach (var line in lines)
        {
            context.WriteLine(string.Join("  ", line.Select((cell, j) => cell.PadRight(widths[j]))).TrimEnd());
        }
    }

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
