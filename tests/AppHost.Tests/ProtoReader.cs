using System.Text;

namespace NetOrleans.AppHost.Tests;

/// <summary>
/// Reads the Protocol Buffers wire format field by field: enough of it to read OTLP's export requests without
/// generated classes (varints, 64- and 32-bit values, and length-delimited fields, which hold strings and messages).
/// </summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>The field number of the field read by the last <see cref="Next"/>.</summary>
    public int Field { get; private set; }

    /// <summary>Its wire type: 0 varint, 1 64-bit, 2 length-delimited, 5 32-bit.</summary>
    public int WireType { get; private set; }

    /// <summary>Reads the next field's key; false at the end.</summary>
    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var key = Varint();
        Field = (int)(key >> 3);
        WireType = (int)(key & 7);
        return true;
    }

    /// <summary>The field's bytes, for a length-delimited field (a string, bytes or a message).</summary>
    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Varint();
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    /// <summary>A length-delimited field as UTF-8 text.</summary>
    public string String() => Encoding.UTF8.GetString(Bytes());

    /// <summary>A varint field's value.</summary>
    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    /// <summary>A 64-bit field's value (fixed64 or double).</summary>
    public ulong Fixed64()
    {
        var value = BitConverter.ToUInt64(_data.Slice(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>Passes over the field just read, whatever its type.</summary>
    public void Skip()
    {
        switch (WireType)
        {
            case 0: Varint(); break;
            case 1: _position += 8; break;
            case 2: Bytes(); break;
            case 5: _position += 4; break;
            default: throw new InvalidDataException($"wire type {WireType} of field {Field} is not one OTLP uses");
        }
    }
}
