namespace NetOrleans.Core.Models;

/// <summary>One epoch of a network's training history.</summary>
/// <param name="Epoch">1-based epoch number over the network's whole life</param>
/// <param name="TrainLoss">mean loss over the epoch's batches, each seen before its step (as Keras reports it)</param>
/// <param name="TrainAccuracy">fraction right over the epoch's batches, for classes</param>
/// <param name="TestLoss">mean loss over the test split after the epoch, when there is one</param>
/// <param name="TestAccuracy">fraction right on the test split, for classes</param>
public readonly record struct EpochRecord(int Epoch, double TrainLoss, double? TrainAccuracy, double? TestLoss, double? TestAccuracy);
