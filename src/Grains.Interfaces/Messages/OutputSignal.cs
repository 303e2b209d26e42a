namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What an output neuron's one-call step returns: its outputs, and what the layer below needs.</summary>
/// <param name="A">B activations</param>
/// <param name="Delta">B values dL/dz</param>
/// <param name="ThetaBefore">n + 1 parameters as they were before this step</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.OutputSignal")]
public sealed record OutputSignal(Doubles A, Doubles Delta, Doubles ThetaBefore);
