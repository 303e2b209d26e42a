using Microsoft.Extensions.DependencyInjection;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Interfaces.Serialization;
using Orleans.Serialization;

namespace NetOrleans.Cluster.Tests;

/// <summary>The wire format of <c>double[]</c>: one block of bytes, every value back bit for bit.</summary>
public sealed class DoubleArrayCodecTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(DoubleArrayCodec).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>Every kind of double: zeros of both signs, subnormals, extremes, infinities and NaNs with payloads.</summary>
    private static double[] Awkward(int random)
    {
        var values = new List<double>
        {
            0.0, -0.0, 1.5, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234),
        };
        var rng = new Random(5);
        values.AddRange(Enumerable.Range(0, random).Select(_ => BitConverter.Int64BitsToDouble(rng.NextInt64(long.MinValue, long.MaxValue))));
        return [.. values];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(100_352)]
    public void A_double_array_is_one_block_of_8n_bytes_and_comes_back_bit_for_bit(int random)
    {
        var values = Awkward(random);

        var bytes = Serializer.SerializeToArray(values);
        var back = Serializer.Deserialize<double[]>(bytes)!;

        Assert.InRange(bytes.Length, 8 * values.Length, 8 * values.Length + 16);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Messages_keep_their_arrays_and_an_array_sent_twice_arrives_as_one()
    {
        var deltas = Awkward(100);
        var signal = new LayerSignal(deltas, deltas);

        var back = Serializer.Deserialize<LayerSignal>(Serializer.SerializeToArray(signal))!;

        Assert.Equal(deltas.Select(BitConverter.DoubleToInt64Bits), back.Deltas.Select(BitConverter.DoubleToInt64Bits));
        Assert.Same(back.Deltas, back.Thetas);
        Assert.Null(Serializer.Deserialize<double[]?>(Serializer.SerializeToArray<double[]?>(null)));
    }

    [Fact]
    public void A_truncated_array_is_refused()
    {
        var bytes = Serializer.SerializeToArray(Awkward(10));

        Assert.ThrowsAny<Exception>(() => Serializer.Deserialize<double[]>(bytes.AsSpan(0, bytes.Length - 3).ToArray()));
    }
}
