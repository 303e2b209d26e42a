using NetOrleans.Grains.Interfaces;

namespace NetOrleans.Grains.Routing;

/// <summary>
/// How a network reaches the neurons of one layer: directly those on its own silo (and those alone on theirs), through
/// a <see cref="ISiloRelayGrain"/> each group of two or more on another silo, so that what the layer shares crosses to
/// that silo once. Where a neuron lives only affects the cost: a stale route still reaches every neuron.
/// </summary>
/// <param name="Direct">indices j of the neurons called directly</param>
/// <param name="Relayed">the groups called through a relay</param>
public sealed record LayerRoute(int[] Direct, RelayGroup[] Relayed)
{
    /// <summary>The smallest group on another silo worth a relay (one neuron costs the same either way, plus a hop).</summary>
    public const int MinimumGroup = 2;

    /// <summary>Plans the route of a layer from where its neurons are.</summary>
    /// <param name="keys">the layer's neuron keys</param>
    /// <param name="silos">the silo of each neuron, as <c>SiloAddress.ToParsableString()</c></param>
    /// <param name="here">this (the network's) silo</param>
    /// <param name="relay">the relay grain of a silo</param>
    public static LayerRoute Plan(string[] keys, string[] silos, string here, Func<string, ISiloRelayGrain> relay)
    {
        var direct = new List<int>();
        var relayed = new List<RelayGroup>();
        foreach (var group in Enumerable.Range(0, keys.Length).GroupBy(j => silos[j]))
        {
            var indices = group.ToArray();
            if (group.Key == here || indices.Length < MinimumGroup)
            {
                direct.AddRange(indices);
            }
            else
            {
                relayed.Add(new RelayGroup(relay(group.Key), indices, indices.Select(j => keys[j]).ToArray().AsImmutable()));
            }
        }

        return new LayerRoute([.. direct.Order()], [.. relayed]);
    }
}
