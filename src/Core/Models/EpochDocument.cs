namespace NetOrleans.Core.Models;

/// <summary>One epoch of a model file's training history, as JSON sees it; the figures it lacks are omitted.</summary>
public sealed class EpochDocument
{
    public int? Epoch { get; set; }

    public double? TrainLoss { get; set; }

    public double? TrainAccuracy { get; set; }

    public double? TestLoss { get; set; }

    public double? TestAccuracy { get; set; }
}
