using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;

namespace NetOrleans.Grains.Placement;

/// <summary>
/// Spread: a random compatible silo, so a network's neurons share out the cluster's cores. Together: the silo that
/// places the neuron, which is its network grain's (the network makes every neuron's first call), so no neuron
/// message crosses silos.
/// </summary>
public sealed class NeuronPlacementDirector(IOptions<NeuronPlacementOptions> options) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (options.Value.KeepTogether && silos.Contains(context.LocalSilo))
        {
            return Task.FromResult(context.LocalSilo);
        }

        return Task.FromResult(silos[Random.Shared.Next(silos.Length)]);
    }
}
