namespace NetOrleans.Grains.Placement;

/// <summary>Places a silo relay on the silo its key names (see <see cref="SiloRelayPlacementDirector"/>).</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.SiloRelayPlacementStrategy")]
public sealed class SiloRelayPlacementStrategy : PlacementStrategy;
