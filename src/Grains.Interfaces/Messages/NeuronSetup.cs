using NetOrleans.Core.Activations;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What a neuron grain is created with.</summary>
/// <param name="Activation">f</param>
/// <param name="Theta">n + 1 parameters: w, then b</param>
/// <param name="Optimizer">the optimizer</param>
/// <param name="ReturnsSignal">false for the first layer, whose deltas nobody needs</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronSetup")]
public sealed record NeuronSetup(ActivationKind Activation, double[] Theta, OptimizerSettings Optimizer, bool ReturnsSignal);
