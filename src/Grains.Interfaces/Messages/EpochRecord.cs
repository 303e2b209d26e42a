namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>One epoch of a network's training history.</summary>
/// <param name="Epoch">1-based epoch number over the network's whole life</param>
/// <param name="TrainLoss">mean loss over the training split after the epoch</param>
/// <param name="TrainAccuracy">fraction right on the training split, for classes</param>
/// <param name="TestLoss">mean loss over the test split, when there is one</param>
/// <param name="TestAccuracy">fraction right on the test split, for classes</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.EpochRecord")]
public readonly record struct EpochRecord(int Epoch, double TrainLoss, double? TrainAccuracy, double? TestLoss, double? TestAccuracy);
