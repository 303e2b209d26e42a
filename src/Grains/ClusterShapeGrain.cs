using Microsoft.Extensions.DependencyInjection;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains;

/// <summary>Answers with the <see cref="ClusterShape"/> the silo's host registered (unknown when it registered none).</summary>
[StatelessWorker]
public sealed class ClusterShapeGrain(IServiceProvider services) : Grain, IClusterShapeGrain
{
    public Task<ClusterShape> Describe() => Task.FromResult(services.GetService<ClusterShape>() ?? new ClusterShape("unknown", null));
}
