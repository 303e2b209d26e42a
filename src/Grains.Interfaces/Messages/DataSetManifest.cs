namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A complete data set: what its rows are and which chunk grains hold them.</summary>
/// <param name="Id">the data set's id</param>
/// <param name="Header">N rows of n features and k targets</param>
/// <param name="Upload">the upload the chunks were stored by; a later upload stores its own and replaces these once complete</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.DataSetManifest")]
public sealed record DataSetManifest(string Id, DataSetHeader Header, string Upload)
{
    /// <summary>The key of the chunk grain that holds chunk <paramref name="index"/>.</summary>
    public string ChunkKey(int index) => $"{Id}/{Upload}/{index}";

    /// <summary>The rows of chunk <paramref name="index"/>: [Start, Start + Rows).</summary>
    public (int Start, int Rows) ChunkRows(int index)
    {
        var start = index * Header.RowsPerChunk;
        return (start, Math.Min(Header.RowsPerChunk, Header.Count - start));
    }
}
