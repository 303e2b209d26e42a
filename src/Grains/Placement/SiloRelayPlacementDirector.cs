using Orleans.Runtime.Placement;

namespace NetOrleans.Grains.Placement;

/// <summary>
/// A silo relay goes to the silo its key names; when that silo is not (or no longer) in the cluster, to the silo that
/// asks, where it still works, only without saving any copies.
/// </summary>
public sealed class SiloRelayPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var key = target.GrainIdentity.Key.ToString();
        var named = silos.FirstOrDefault(silo => silo.ToParsableString() == key);
        return Task.FromResult(named ?? (silos.Contains(context.LocalSilo) ? context.LocalSilo : silos[0]));
    }
}
