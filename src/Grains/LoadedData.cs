using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains;

/// <summary>A data set read into a job's memory: N x n features, N x k targets.</summary>
internal sealed class LoadedData(DataSetHeader header, double[] x, double[] y)
{
    /// <summary>An evaluation sends at most this many bytes of inputs at a time (the test split of MNIST-10k in one).</summary>
    private const int EvaluationBytes = 16 << 20;

    public DataSetHeader Header { get; } = header;

    /// <summary>Chunks read at once: enough to keep the silos busy, few enough to keep the messages in flight small.</summary>
    private const int ChunksAtOnce = 8;

    /// <summary>Reads every row of a data set from its chunk grains, wherever they are, into this silo's memory.</summary>
    public static async Task<LoadedData> Read(IGrainFactory grains, DataSetManifest manifest)
    {
        var header = manifest.Header;
        var (n, k) = (header.Features, header.Targets);
        var x = new double[header.Count * n];
        var y = new double[header.Count * k];
        for (var first = 0; first < header.Chunks; first += ChunksAtOnce)
        {
            var indices = Enumerable.Range(first, Math.Min(ChunksAtOnce, header.Chunks - first)).ToArray();
            var chunks = await Task.WhenAll(indices.Select(i => grains.GetGrain<IDataChunkGrain>(manifest.ChunkKey(i)).Read()));
            for (var c = 0; c < indices.Length; c++)
            {
                var (start, rows) = manifest.ChunkRows(indices[c]);
                var chunk = chunks[c];
                if (chunk.Start != start || chunk.X.Length != rows * n || chunk.Y.Length != rows * k)
                {
                    throw new InvalidOperationException($"data set '{manifest.Id}': chunk {indices[c]} does not hold rows {start}..{start + rows - 1} of {n} features and {k} targets");
                }

                chunk.X.Value.CopyTo(x, start * n);
                chunk.Y.Value.CopyTo(y, start * k);
            }
        }

        return new LoadedData(header, x, y);
    }

    /// <summary>The rows order[start .. start + size) (fewer at the end) as a batch.</summary>
    /// <returns>B x n inputs and B x k targets</returns>
    public (double[] X, double[] Y) Batch(int[] order, int start, int size)
    {
        var n = Header.Features;
        var k = Header.Targets;
        var rows = Math.Min(size, order.Length - start);
        var bx = new double[rows * n];
        var by = new double[rows * k];
        for (var r = 0; r < rows; r++)
        {
            var i = order[start + r];
            Array.Copy(x, i * n, bx, r * n, n);
            Array.Copy(y, i * k, by, r * k, k);
        }

        return (bx, by);
    }

    /// <summary>The mean loss (and accuracy, for classes) over every row of <paramref name="predict"/>: B x n_L outputs for B x n_0 raw inputs.</summary>
    public async Task<Evaluation> Evaluate(Func<Doubles, Task<Doubles>> predict, NetworkSpec spec)
    {
        var n = Header.Features;
        var k = Header.Targets;
        var evaluation = new Evaluation(spec.Loss.Function(), k, Header.Classes is not null);
        var rowsAtOnce = Math.Max(1, EvaluationBytes / (n * sizeof(double)));
        for (var start = 0; start < Header.Count; start += rowsAtOnce)
        {
            var rows = Math.Min(rowsAtOnce, Header.Count - start);
            var a = await predict(x.AsSpan(start * n, rows * n).ToArray());
            evaluation.Add(a.Value, y.AsSpan(start * k, rows * k));
        }

        return evaluation;
    }
}
