using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.DataSets;

/// <summary>What an upload must be before any of it is kept: a header within the limits, chunks of whole, finite rows, labels that are classes.</summary>
internal static class DataSetChecks
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming what is wrong with <paramref name="header"/>.</summary>
    public static void Header(DataSetHeader header)
    {
        if (header.Count < 1)
        {
            throw new ArgumentException($"data set '{header.Name}' is empty");
        }

        if (header.Features < 1 || header.Targets < 1)
        {
            throw new ArgumentException($"data set '{header.Name}' needs at least one feature and one target, got {header.Features} and {header.Targets}");
        }

        // In long, n + k included: an int sum of two huge widths wraps around and would slip under the limit.
        var values = (long)header.Count * ((long)header.Features + header.Targets);
        if (values > DataSetGrain.MaxBytes / sizeof(double))
        {
            throw new ArgumentException($"data set '{header.Name}' is {values / ((1 << 20) / sizeof(double))} MB, over the limit of {DataSetGrain.MaxBytes / (1 << 20)} MB");
        }

        if (header.RowBytes > IDataSetGrain.MaxChunkBytes)
        {
            throw new ArgumentException($"data set '{header.Name}': a row of {header.Features} features and {header.Targets} targets is {header.RowBytes} bytes, over the chunk limit of {IDataSetGrain.MaxChunkBytes}");
        }

        var classes = header.Classes?.Length;
        if (classes is not null && classes != (header.Targets == 1 ? 2 : header.Targets))
        {
            throw new ArgumentException($"data set '{header.Name}' names {classes} classes for {header.Targets} target columns (one-hot: one column per class; one 0/1 column: two classes)");
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the problem and the row; returns the chunk's row count.</summary>
    public static int Chunk(string id, DataSetHeader header, DataChunk chunk)
    {
        if (chunk.X is null || chunk.Y is null)
        {
            throw new ArgumentException($"data set '{id}': chunk at row {chunk.Start} has no features or no targets");
        }

        var bytes = (long)(chunk.X.Length + chunk.Y.Length) * sizeof(double);
        if (bytes > IDataSetGrain.MaxChunkBytes)
        {
            throw new ArgumentException($"data set '{id}': a chunk of {bytes} bytes is over the limit of {IDataSetGrain.MaxChunkBytes}");
        }

        if (chunk.X.Length % header.Features != 0 || chunk.Y.Length % header.Targets != 0
            || chunk.X.Length / header.Features != chunk.Y.Length / header.Targets)
        {
            throw new ArgumentException($"data set '{id}': chunk at row {chunk.Start} is not whole rows of {header.Features} features and {header.Targets} targets");
        }

        var rows = chunk.X.Length / header.Features;
        if (chunk.Start < 0 || (long)chunk.Start + rows > header.Count)
        {
            throw new ArgumentException($"data set '{id}': rows {chunk.Start}..{(long)chunk.Start + rows - 1} are outside 0..{header.Count - 1}");
        }

        NetworkMath.CheckFinite(chunk.X.Value, header.Features, $"data set '{id}' chunk at row {chunk.Start}: feature");
        NetworkMath.CheckFinite(chunk.Y.Value, header.Targets, $"data set '{id}' chunk at row {chunk.Start}: target");
        if (header.Classes is not null)
        {
            Labels(id, header.Targets, chunk);
        }

        return rows;
    }

    /// <summary>Class targets: a 0/1 column, or one-hot rows (a single 1 among zeros).</summary>
    private static void Labels(string id, int k, DataChunk chunk)
    {
        var y = chunk.Y.Value;
        for (var r = 0; r < y.Length / k; r++)
        {
            var row = y.AsSpan(r * k, k);
            var ones = 0;
            foreach (var v in row)
            {
                if (v != 0 && v != 1)
                {
                    ones = -1;
                    break;
                }

                ones += (int)v;
            }

            if (k == 1 ? ones < 0 : ones != 1)
            {
                throw new ArgumentException($"data set '{id}' chunk at row {chunk.Start}: target row {r + 1} is [{string.Join(", ", row.ToArray())}], not a class ({(k == 1 ? "0 or 1" : "one-hot")})");
            }
        }
    }
}
