using System.Globalization;
using NetOrleans.Core.Training;

namespace NetOrleans.Client.Commands;

/// <summary>Prints a confusion matrix: one row per true class, one column per predicted class.</summary>
public static class ConfusionTable
{
    public static void Write(CommandContext context, Evaluation evaluation, IReadOnlyList<string>? classes)
    {
        if (evaluation.Confusion is not { } m)
        {
            return;
        }

        var k = m.GetLength(0);
        var names = Enumerable.Range(0, k).Select(i => classes is not null && i < classes.Count ? classes[i] : i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var width = Math.Max(names.Max(n => n.Length), m.Cast<long>().Max().ToString(CultureInfo.InvariantCulture).Length) + 1;
        context.WriteLine("confusion (rows: true class, columns: predicted):");
        context.WriteLine(new string(' ', width) + string.Concat(names.Select(n => n.PadLeft(width))));
        for (var i = 0; i < k; i++)
        {
            context.WriteLine(names[i].PadLeft(width) + string.Concat(Enumerable.Range(0, k).Select(j => m[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(width))));
        }
    }
}
