using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// One stored chunk of a data set, key = <see cref="DataSetManifest.ChunkKey"/>: at most
/// <see cref="IDataSetGrain.MaxChunkBytes"/> of rows. Its data set grain writes it; a job reads it where it runs.
/// </summary>
[Alias("NetOrleans.IDataChunkGrain")]
public interface IDataChunkGrain : IGrainWithStringKey
{
    /// <summary>Stores the rows (already checked by the data set grain).</summary>
    [Alias("Write")]
    Task Write(DataChunk rows);

    /// <summary>The stored rows.</summary>
    [Alias("Read")]
    Task<DataChunk> Read();

    [Alias("Delete")]
    Task Delete();
}
