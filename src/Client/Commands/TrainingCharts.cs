using System.Globalization;
using NetOrleans.Core.Models;
using ScottPlot;

namespace NetOrleans.Client.Commands;

/// <summary>Pictures of a training history: an SVG or PNG of the loss and accuracy curves, and a small chart in the console.</summary>
public static class TrainingCharts
{
    /// <summary>The picture files --plot writes, by extension.</summary>
    public static readonly string[] Extensions = [".svg", ".png"];

    /// <summary>Null when <paramref name="path"/> names a picture --plot can write, else why not (one line).</summary>
    public static string? Refuse(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant())
        ? null
        : $"--plot: '{path}' must end in .svg or .png (the picture's format)";

    /// <summary>
    /// Writes the loss (left axis) and accuracy (right axis) per epoch, train and test, to <paramref name="path"/>:
    /// SVG for .svg, PNG for .png.
    /// </summary>
    public static void Save(string path, IReadOnlyList<EpochRecord> records, string title)
    {
        var plot = new Plot();
        double[] epochs = records.Select(r => (double)r.Epoch).ToArray();
        var train = plot.Add.Scatter(epochs, records.Select(r => r.TrainLoss).ToArray());
        train.LegendText = "train loss";
        if (records.All(r => r.TestLoss is not null))
        {
            var test = plot.Add.Scatter(epochs, records.Select(r => r.TestLoss!.Value).ToArray());
            test.LegendText = "test loss";
        }

        var right = plot.Axes.Right;
        if (records.All(r => r.TrainAccuracy is not null))
        {
            var acc = plot.Add.Scatter(epochs, records.Select(r => r.TrainAccuracy!.Value).ToArray());
            acc.LegendText = "train accuracy";
            acc.Axes.YAxis = right;
        }

        if (records.All(r => r.TestAccuracy is not null))
        {
            var acc = plot.Add.Scatter(epochs, records.Select(r => r.TestAccuracy!.Value).ToArray());
            acc.LegendText = "test accuracy";
            acc.Axes.YAxis = right;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("loss");
        right.Label.Text = "accuracy";
        plot.ShowLegend();
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, 900, 540);
        }
        else
        {
            plot.SavePng(path, 900, 540);
        }
    }

    /// <summary>A bar per tenth of the epochs: the training loss there.</summary>
    public static void WriteConsole(CommandContext context, IReadOnlyList<EpochRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        var every = Math.Max(1, records.Count / 10);
        var points = records.Where((_, i) => (i + 1) % every == 0 || i == records.Count - 1).Distinct().ToArray();
        var max = points.Max(r => r.TrainLoss);
        const int width = 40;
        context.WriteLine("loss by epoch:");
        foreach (var r in points)
        {
            var bar = max > 0 && double.IsFinite(r.TrainLoss) ? (int)Math.Round(width * r.TrainLoss / max) : 0;
            context.WriteLine($"{r.Epoch.ToString(CultureInfo.InvariantCulture),7} {new string('#', Math.Max(bar, 1)).PadRight(width)} {r.TrainLoss.ToString("G4", CultureInfo.InvariantCulture)}");
        }
    }
}
