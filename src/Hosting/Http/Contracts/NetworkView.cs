using NetOrleans.Core.Activations;
using NetOrleans.Core.Losses;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Hosting.Http.Contracts;

/// <summary>A network: its shape, layers, loss, optimizer, classes, steps, epochs, when it was created and last trained; its history when asked for one network.</summary>
public sealed record NetworkView(
    string Id,
    string Shape,
    int Inputs,
    LayerView[] Layers,
    string Loss,
    OptimizerView Optimizer,
    IReadOnlyList<string>? Classes,
    long Steps,
    int Epochs,
    double? LastLoss,
    DateTime? Created,
    DateTime? LastTrained,
    EpochView[]? History)
{
    public static NetworkView Of(NetworkSummary s, bool withHistory) => new(
        s.Id,
        s.Spec.Shape,
        s.Inputs,
        [.. s.Layers.Select(l => new LayerView(l.Size, l.Activation.Name()))],
        s.Loss.Name(),
        OptimizerView.Of(s.Optimizer),
        s.Classes,
        s.Steps,
        s.History.Length,
        s.History.Length > 0 ? s.History[^1].TrainLoss : null,
        s.Created,
        s.LastTrained,
        withHistory ? [.. s.History.Select(EpochView.Of)] : null);
}
