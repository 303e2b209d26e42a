using NetOrleans.Core.Activations;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>A neuron's activation, its n + 1 parameters and the step of its network it is at.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronParameters")]
public sealed record NeuronParameters(ActivationKind Activation, double[] Theta, long Steps);
