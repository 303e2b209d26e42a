namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What one training step saw, before it stepped: the figures Keras reports as running means over an epoch.</summary>
/// <param name="Loss">the batch's mean loss</param>
/// <param name="Rows">B</param>
/// <param name="Correct">rows whose predicted class is the true class (0 for regression)</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.BatchOutcome")]
public readonly record struct BatchOutcome(double Loss, int Rows, int Correct);
