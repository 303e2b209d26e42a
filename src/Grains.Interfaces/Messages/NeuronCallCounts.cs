namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>How many calls of each kind a neuron has answered since it was activated.</summary>
/// <param name="Predict">forward passes that keep nothing (predict, evaluate)</param>
/// <param name="Forward">forward passes of a training step</param>
/// <param name="Backward">backward passes with their optimizer step</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronCallCounts")]
public sealed record NeuronCallCounts(long Predict, long Forward, long Backward);
