using Orleans.Runtime;

namespace NetOrleans.Grains.Jobs;

/// <summary>
/// Tells a job when a silo of its cluster has been declared dead since it last asked: whatever that silo held (neurons
/// among them) is gone, so the job treats it as a fault and goes back to its last checkpoint.
/// </summary>
internal sealed class ClusterWatch
{
    private readonly IClusterMembershipService _membership;
    private readonly HashSet<SiloAddress> _dead;
    private MembershipVersion _seen;

    public ClusterWatch(IClusterMembershipService membership)
    {
        _membership = membership;
        var snapshot = membership.CurrentSnapshot;
        _seen = snapshot.Version;
        _dead = DeadIn(snapshot).ToHashSet();
    }

    /// <summary>"silo S was declared dead" for a silo newly dead since the last call, or null. Cheap when nothing changed.</summary>
    public string? NewlyDead()
    {
        var snapshot = _membership.CurrentSnapshot;
        if (snapshot.Version == _seen)
        {
            return null;
        }

        _seen = snapshot.Version;
        var newly = DeadIn(snapshot).Where(_dead.Add).ToArray();
        return newly.Length == 0 ? null : $"silo {string.Join(", ", newly.Select(s => s.ToString()))} was declared dead";
    }

    private static IEnumerable<SiloAddress> DeadIn(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress);
}
