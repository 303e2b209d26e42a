namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What a neuron's backward pass returns to the network for the layer below.</summary>
/// <param name="Delta">B values dL/dz (empty when the layer below needs none)</param>
/// <param name="ThetaBefore">n + 1 parameters as they were before this step (empty likewise)</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronSignal")]
public sealed record NeuronSignal(Doubles Delta, Doubles ThetaBefore);
