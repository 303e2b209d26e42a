namespace NetOrleans.Grains.Placement;

/// <summary>Places neurons by <see cref="NeuronPlacementOptions"/>: spread over the silos, or beside their network.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NeuronPlacementStrategy")]
public sealed class NeuronPlacementStrategy : PlacementStrategy;
