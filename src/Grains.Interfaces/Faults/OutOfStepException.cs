namespace NetOrleans.Grains.Interfaces.Faults;

/// <summary>
/// A grain of a network is not at the step its caller expects: a neuron that came back from an older checkpoint, a
/// network activation that lost steps, a call that took effect after it timed out. Whoever runs the network goes back
/// to its last checkpoint before another step is taken.
/// </summary>
[GenerateSerializer, Alias("NetOrleans.OutOfStepException")]
public sealed class OutOfStepException(string message) : Exception(message);
