using Orleans.Placement;

namespace NetOrleans.Grains.Placement;

/// <summary>Marks the silo relay grain for <see cref="SiloRelayPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloRelayPlacementAttribute() : PlacementAttribute(new SiloRelayPlacementStrategy());
