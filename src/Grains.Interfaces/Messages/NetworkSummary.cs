using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;

namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What a network is: its spec, optimizer, steps taken and history, when it was created and last trained.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NetworkSummary")]
public sealed record NetworkSummary(
    string Id,
    NetworkSpec Spec,
    OptimizerSettings Optimizer,
    long Steps,
    EpochRecord[] History,
    DateTime? Created = null,
    DateTime? LastTrained = null)
{
    /// <summary>n_0, the input width.</summary>
    public int Inputs => Spec.Inputs;

    /// <summary>Layers 1 .. L.</summary>
    public IReadOnlyList<LayerSpec> Layers => Spec.Layers;

    public LossKind Loss => Spec.Loss;

    /// <summary>Class names of the output neurons, or null for regression.</summary>
    public IReadOnlyList<string>? Classes => Spec.Classes;

    /// <summary>For messages after a restore: "network 'n' is back at its last checkpoint (2 epochs, 8 steps)".</summary>
    public string BackAtCheckpoint =>
        $"network '{Id}' is back at its last checkpoint ({History.Length} epoch{(History.Length == 1 ? "" : "s")}, {Steps} step{(Steps == 1 ? "" : "s")})";
}
