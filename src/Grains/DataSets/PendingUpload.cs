using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.DataSets;

/// <summary>
/// An upload under way, in memory: which rows have arrived, and the rows of the chunks not yet complete. A chunk is
/// handed out to be stored as soon as its last row arrives, so at most the chunks being filled are held here.
/// </summary>
internal sealed class PendingUpload(DataSetManifest manifest)
{
    private readonly bool[] _arrived = new bool[manifest.Header.Count];
    private readonly Dictionary<int, ChunkBuffer> _filling = [];

    /// <summary>The manifest the data set gets once every chunk is stored.</summary>
    public DataSetManifest Manifest => manifest;

    public int RowsArrived { get; private set; }

    public bool Complete => RowsArrived == manifest.Header.Count;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first of rows [start, start + rows) that has arrived already.</summary>
    public void CheckNew(int start, int rows)
    {
        for (var r = start; r < start + rows; r++)
        {
            if (_arrived[r])
            {
                throw new ArgumentException($"data set '{manifest.Id}': row {r} was already uploaded");
            }
        }
    }

    /// <summary>Takes checked rows in; returns the chunks (index, rows) that they completed.</summary>
    public List<(int Index, DataChunk Rows)> Add(DataChunk chunk)
    {
        var header = manifest.Header;
        var (n, k) = (header.Features, header.Targets);
        var count = chunk.X.Length / n;
        var completed = new List<(int, DataChunk)>();
        for (var r = chunk.Start; r < chunk.Start + count;)
        {
            var index = r / header.RowsPerChunk;
            var (start, rows) = manifest.ChunkRows(index);
            var take = Math.Min(start + rows, chunk.Start + count) - r;
            if (!_filling.TryGetValue(index, out var buffer))
            {
                buffer = _filling[index] = new ChunkBuffer(new double[rows * n], new double[rows * k], rows);
            }

            chunk.X.Value.AsSpan((r - chunk.Start) * n, take * n).CopyTo(buffer.X.AsSpan((r - start) * n));
            chunk.Y.Value.AsSpan((r - chunk.Start) * k, take * k).CopyTo(buffer.Y.AsSpan((r - start) * k));
            Array.Fill(_arrived, true, r, take);
            buffer.Missing -= take;
            if (buffer.Missing == 0)
            {
                _filling.Remove(index);
                completed.Add((index, new DataChunk(start, buffer.X, buffer.Y)));
            }

            r += take;
        }

        RowsArrived += count;
        return completed;
    }

    /// <summary>The rows of one chunk so far: rows x n features, rows x k targets.</summary>
    private sealed class ChunkBuffer(double[] x, double[] y, int missing)
    {
        public double[] X { get; } = x;

        public double[] Y { get; } = y;

        public int Missing { get; set; } = missing;
    }
}
