namespace NetOrleans.Grains.State;

/// <summary>
/// A neuron's stored state: its activation and its last two checkpoints. A network checkpoint first writes every
/// neuron's new snapshot and then commits its version in the network's state, so whichever version the network
/// committed, every neuron still holds it: a checkpoint is all or nothing.
/// </summary>
[GenerateSerializer, Alias("NetOrleans.NeuronState")]
public sealed class NeuronState
{
    [Id(0)] public string Activation { get; set; } = "";

    [Id(1)] public bool ReturnsSignal { get; set; }

    [Id(2)] public List<NeuronSnapshot> Snapshots { get; set; } = [];
}
