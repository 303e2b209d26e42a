namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>What a network is: its shape, optimizer, steps taken and history.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NetworkSummary")]
public sealed record NetworkSummary(
    string Id,
    int Inputs,
    LayerShape[] Layers,
    string Loss,
    OptimizerSetup Optimizer,
    string[]? Classes,
    long Steps,
    EpochRecord[] History);
