using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>A data set held in the cluster, key = data set id, uploaded in chunks of at most 1 MB.</summary>
[Alias("NetOrleans.IDataSetGrain")]
public interface IDataSetGrain : IGrainWithStringKey
{
    /// <summary>The largest chunk accepted, in bytes of payload.</summary>
    const int MaxChunkBytes = 1 << 20;

    /// <summary>Starts an upload (dropping any earlier content).</summary>
    [Alias("Begin")]
    Task Begin(DataSetHeader header);

    /// <summary>Adds rows; chunks may come in any order but must not overlap or overflow.</summary>
    [Alias("Append")]
    Task Append(DataChunk chunk);

    /// <summary>The header; fails unless every row has arrived.</summary>
    [Alias("GetHeader")]
    Task<DataSetHeader> GetHeader();

    /// <summary>Rows [start, start + count).</summary>
    [Alias("Read")]
    Task<DataChunk> Read(int start, int count);
}
