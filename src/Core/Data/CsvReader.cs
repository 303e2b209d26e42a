using System.Globalization;

namespace NetOrleans.Core.Data;

/// <summary>
/// Reads a CSV data set: a header row, then one sample per line. The target is the last column unless a label
/// column is named; every other column is a numeric feature. A numeric target is a regression target; a text
/// target makes classes, one-hot, in the order the classes first appear in the file.
/// </summary>
public static class CsvReader
{
    /// <summary>Reads <paramref name="path"/>; errors name the file and line.</summary>
    public static DataSet Read(string path, string? label = null)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFormatException($"{path}: cannot read the data file ({e.Message})");
        }

        return Parse(lines, path, label);
    }

    /// <summary>Parses CSV lines; <paramref name="source"/> names them in errors.</summary>
    public static DataSet Parse(IReadOnlyList<string> lines, string source, string? label = null)
    {
        var first = 0;
        while (first < lines.Count && string.IsNullOrWhiteSpace(lines[first]))
        {
            first++;
        }

        if (first == lines.Count)
        {
            throw new DataFormatException($"{source}: empty data set (no header row)");
        }

        var header = Split(lines[first]);
        if (header.Length < 2)
        {
            throw new DataFormatException($"{source}:{first + 1}: need at least one feature column and a target column, found {header.Length} column");
        }

        var target = label is null ? header.Length - 1 : Array.FindIndex(header, h => h == label);
        if (target < 0)
        {
            throw new DataFormatException($"{source}:{first + 1}: no column named '{label}' (columns: {string.Join(", ", header)})");
        }

        var featureNames = header.Where((_, c) => c != target).ToArray();
        var x = new List<double>();
        var rawTargets = new List<string>();
        var targetLines = new List<int>();
        for (var i = first + 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = Split(lines[i]);
            if (cells.Length != header.Length)
            {
                throw new DataFormatException($"{source}:{i + 1}: expected {header.Length} columns, found {cells.Length}");
            }

            for (var c = 0; c < cells.Length; c++)
            {
                if (c == target)
                {
                    rawTargets.Add(cells[c]);
                    targetLines.Add(i + 1);
                    continue;
                }

                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    throw new DataFormatException($"{source}:{i + 1}: column '{header[c]}' has '{cells[c]}', which is not a finite number");
                }

                x.Add(v);
            }
        }

        if (rawTargets.Count == 0)
        {
            throw new DataFormatException($"{source}: empty data set (a header and no samples)");
        }

        var numeric = rawTargets.Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToArray();
        if (numeric.All(v => v is not null))
        {
            for (var r = 0; r < numeric.Length; r++)
            {
                if (!double.IsFinite(numeric[r]!.Value))
                {
                    throw new DataFormatException($"{source}:{targetLines[r]}: target '{header[target]}' is {rawTargets[r]}, not a finite number");
                }
            }

            return new DataSet(source, [.. x], numeric.Select(v => v!.Value).ToArray(), featureNames.Length, 1, featureNames) { Lines = targetLines };
        }

        var classes = rawTargets.Distinct().ToArray();
        var y = new double[rawTargets.Count * classes.Length];
        for (var r = 0; r < rawTargets.Count; r++)
        {
            y[r * classes.Length + Array.IndexOf(classes, rawTargets[r])] = 1.0;
        }

        return new DataSet(source, [.. x], y, featureNames.Length, classes.Length, featureNames, classes) { Lines = targetLines };
    }

    private static string[] Split(string line) => line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
}
