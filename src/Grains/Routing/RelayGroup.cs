using NetOrleans.Grains.Interfaces;

namespace NetOrleans.Grains.Routing;

/// <summary>The neurons of one layer that live on one other silo, reached through that silo's relay.</summary>
/// <param name="Relay">the relay grain of their silo</param>
/// <param name="Indices">their indices j in the layer, in the order of <paramref name="Keys"/></param>
/// <param name="Keys">their grain keys</param>
public sealed record RelayGroup(ISiloRelayGrain Relay, int[] Indices, Immutable<string[]> Keys);
