namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What <see cref="Doubles"/> is on the wire: its numbers' bytes (IEEE 754, little-endian), one block.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.Doubles")]
public struct DoublesSurrogate
{
    [Id(0)] public byte[] Bytes;
}
