namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A neuron's parameters and the step of its network it is at.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronParameters")]
public sealed record NeuronParameters(string Activation, double[] Theta, long Steps);
