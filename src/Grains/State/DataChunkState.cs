using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.State;

/// <summary>One stored chunk of a data set.</summary>
[GenerateSerializer, Alias("NetOrleans.DataChunkState")]
public sealed class DataChunkState
{
    [Id(0)] public DataChunk? Rows { get; set; }
}
