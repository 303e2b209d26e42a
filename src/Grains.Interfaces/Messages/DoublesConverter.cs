using System.Runtime.InteropServices;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>Turns <see cref="Doubles"/> into one block of bytes and back, bit for bit.</summary>
[RegisterConverter]
public sealed class DoublesConverter : IConverter<Doubles, DoublesSurrogate>
{
    public Doubles ConvertFromSurrogate(in DoublesSurrogate surrogate) =>
        new(MemoryMarshal.Cast<byte, double>(surrogate.Bytes ?? []).ToArray());

    public DoublesSurrogate ConvertToSurrogate(in Doubles value) =>
        new() { Bytes = MemoryMarshal.AsBytes((value.Value ?? []).AsSpan()).ToArray() };
}
