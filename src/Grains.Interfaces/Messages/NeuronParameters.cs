namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A neuron's parameters and how many steps it has taken.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronParameters")]
public sealed record NeuronParameters(string Activation, double[] Theta, long Steps);
