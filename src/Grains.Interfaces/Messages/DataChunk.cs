namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>Rows [Start, Start + rows) of a data set, as two blocks of bytes on the wire and in storage.</summary>
/// <param name="Start">the first row</param>
/// <param name="X">rows x n features</param>
/// <param name="Y">rows x k targets</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.DataChunk")]
public sealed record DataChunk(int Start, Doubles X, Doubles Y);
