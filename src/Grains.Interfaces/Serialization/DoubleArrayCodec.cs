using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace NetOrleans.Grains.Interfaces.Serialization;

/// <summary>
/// Writes a <c>double[]</c> as one block of 8n little-endian bytes, where Orleans' generic array codec writes n tagged
/// fields: the inputs a network sends to a neuron on another silo (B x n_0 doubles, 802 KB for an MNIST batch of 128)
/// cross as a copy of memory. Every value comes back bit for bit (NaN payloads and -0.0 included).
/// </summary>
[RegisterSerializer]
public sealed class DoubleArrayCodec : IFieldCodec<double[]>
{
    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, double[]? value)
        where TBufferWriter : System.Buffers.IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteFieldHeader(fieldIdDelta, expectedType, typeof(double[]), WireType.LengthPrefixed);
        writer.WriteVarUInt32(checked((uint)value!.Length * sizeof(double)));
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(value.AsSpan()));
            return;
        }

        Span<byte> bytes = stackalloc byte[sizeof(double)];
        foreach (var v in value)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, v);
            writer.Write(bytes);
        }
    }

    public double[] ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<double[], TInput>(ref reader, field)!;
        }

        field.EnsureWireType(WireType.LengthPrefixed);
        var length = reader.ReadVarUInt32();
        if (length % sizeof(double) != 0)
        {
            throw new InvalidDataException($"a double[] of {length} bytes is not a whole number of doubles");
        }

        reader.EnsureAvailable(length);
        var result = new double[length / sizeof(double)];
        var bytes = MemoryMarshal.AsBytes(result.AsSpan());
        reader.ReadBytes(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * sizeof(double), sizeof(double)));
            }
        }

        ReferenceCodec.RecordObject(reader.Session, result);
        return result;
    }
}
