namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What a data set held in the cluster is: N samples of n features and k targets.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.DataSetHeader")]
public sealed record DataSetHeader(string Name, int Count, int Features, int Targets, string[] FeatureNames, string[]? Classes)
{
    /// <summary>The bytes of one row: n + k doubles.</summary>
    public long RowBytes => ((long)Features + Targets) * sizeof(double);

    /// <summary>How many rows one chunk holds, uploaded or stored: as many as fit in <see cref="IDataSetGrain.MaxChunkBytes"/>.</summary>
    public int RowsPerChunk => (int)Math.Max(1, IDataSetGrain.MaxChunkBytes / RowBytes);

    /// <summary>How many chunks the data set is stored in.</summary>
    public int Chunks => (int)(((long)Count + RowsPerChunk - 1) / RowsPerChunk);
}
