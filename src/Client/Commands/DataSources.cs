using NetOrleans.Client.Cli;
using NetOrleans.Core.Data;

namespace NetOrleans.Client.Commands;

/// <summary>Turns a --data argument into a data set: a built-in name, a CSV file, or an IDX images file.</summary>
public static class DataSources
{
    /// <summary>
    /// Loads <paramref name="data"/>. For a CSV, <paramref name="label"/> names the target column (default: the last);
    /// for IDX images (*idx3-ubyte[.gz]) it is the labels file (default: the images file's name with idx1 for idx3
    /// and "labels" for "images").
    /// </summary>
    public static DataSet Load(string data, string? label)
    {
        if (BuiltInDataSets.Find(data) is { } builtIn)
        {
            if (label is not null)
            {
                throw new UsageException($"--label does not apply to the built-in data set '{data}'");
            }

            return builtIn;
        }

        if (!File.Exists(data))
        {
            throw new UsageException($"--data: '{data}' is neither a built-in data set ({string.Join(", ", BuiltInDataSets.Names)}) nor a file");
        }

        var name = Path.GetFileName(data);
        if (name.Contains("idx3", StringComparison.OrdinalIgnoreCase))
        {
            var labels = label ?? Path.Combine(Path.GetDirectoryName(data) ?? ".", name.Replace("idx3", "idx1").Replace("images", "labels"));
            return IdxReader.ReadDataSet(data, labels);
        }

        return CsvReader.Read(data, label);
    }
}
