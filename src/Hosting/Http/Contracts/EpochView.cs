using NetOrleans.Core.Models;

namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>One epoch of training: the network's epoch number and its figures.</summary>
public sealed record EpochView(int Epoch, double TrainLoss, double? TrainAccuracy, double? TestLoss, double? TestAccuracy)
{
    public static EpochView Of(EpochRecord r) => new(r.Epoch, r.TrainLoss, r.TrainAccuracy, r.TestLoss, r.TestAccuracy);
}
