using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// A data set held in the cluster, key = data set id. It is uploaded in chunks of at most <see cref="MaxChunkBytes"/>
/// and stored in chunks of that size, each in its own <see cref="IDataChunkGrain"/>, so that no message and no stored
/// state comes near Orleans' message limit. An upload replaces the data set only once every row is in: its manifest
/// is written last.
/// </summary>
[Alias("NetOrleans.IDataSetGrain")]
public interface IDataSetGrain : IGrainWithStringKey
{
    /// <summary>The largest chunk accepted, and the largest stored, in bytes of payload (a hundredth of Orleans' default message limit).</summary>
    const int MaxChunkBytes = 1 << 20;

    /// <summary>Starts an upload (dropping any unfinished one; the complete data set stays until the new one is complete).</summary>
    [Alias("Begin")]
    Task Begin(DataSetHeader header);

    /// <summary>Adds rows; chunks may come in any order but must not overlap or overflow.</summary>
    [Alias("Append")]
    Task Append(DataChunk chunk);

    /// <summary>The header; fails unless every row has arrived.</summary>
    [Alias("GetHeader")]
    Task<DataSetHeader> GetHeader();

    /// <summary>The header and where the stored chunks are, for a reader that fetches them itself; fails unless complete.</summary>
    [Alias("GetManifest")]
    Task<DataSetManifest> GetManifest();

    /// <summary>Rows [start, start + count), at most <see cref="DataSetHeader.RowsPerChunk"/> of them.</summary>
    [Alias("Read")]
    Task<DataChunk> Read(int start, int count);

    /// <summary>Deletes the data set, its stored chunks and any unfinished upload.</summary>
    [Alias("Delete")]
    Task Delete();
}
