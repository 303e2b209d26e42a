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
    EpochRecord[] History)
{
    /// <summary>For messages after a restore: "network 'n' is back at its last checkpoint (2 epochs, 8 steps)".</summary>
    public string BackAtCheckpoint =>
        $"network '{Id}' is back at its last checkpoint ({History.Length} epoch{(History.Length == 1 ? "" : "s")}, {Steps} step{(Steps == 1 ? "" : "s")})";
}
