namespace NetOrleans.Grains.Placement;

/// <summary>Where a network's neurons live.</summary>
public sealed class NeuronPlacementOptions
{
    /// <summary>
    /// True: every neuron on its network grain's silo (no neuron traffic crosses silos);
    /// false (the default): neurons spread over the silos.
    /// </summary>
    public bool KeepTogether { get; set; }
}
