using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>
/// What an <see cref="EpochRecord"/> is on the wire and in storage. Its alias and field ids are those the record had
/// when it was generated here itself, so histories stored before it moved to Core still read.
/// </summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.EpochRecord")]
public struct EpochRecordSurrogate
{
    [Id(0)] public int Epoch;

    [Id(1)] public double TrainLoss;

    [Id(2)] public double? TrainAccuracy;

    [Id(3)] public double? TestLoss;

    [Id(4)] public double? TestAccuracy;
}
