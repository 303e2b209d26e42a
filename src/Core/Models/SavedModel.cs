namespace NetOrleans.Core.Models;

/// <summary>What a model file holds: the model and the training history that brought it there (empty when none).</summary>
public sealed record SavedModel(NetworkModel Model, EpochRecord[] History);
