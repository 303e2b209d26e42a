using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>
/// Lets Orleans carry Core's <see cref="EpochRecord"/>. What comes in is not checked here: a grain that takes a
/// history from outside checks it.
/// </summary>
[RegisterConverter]
public sealed class EpochRecordConverter : IConverter<EpochRecord, EpochRecordSurrogate>
{
    public EpochRecord ConvertFromSurrogate(in EpochRecordSurrogate surrogate) =>
        new(surrogate.Epoch, surrogate.TrainLoss, surrogate.TrainAccuracy, surrogate.TestLoss, surrogate.TestAccuracy);

    public EpochRecordSurrogate ConvertToSurrogate(in EpochRecord value) => new()
    {
        Epoch = value.Epoch,
        TrainLoss = value.TrainLoss,
        TrainAccuracy = value.TrainAccuracy,
        TestLoss = value.TestLoss,
        TestAccuracy = value.TestAccuracy,
    };
}
