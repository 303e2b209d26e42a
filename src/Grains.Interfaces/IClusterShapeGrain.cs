using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>Any silo's answer to "how is this cluster held together?" (a stateless worker: asked on the silo a client reaches).</summary>
public interface IClusterShapeGrain : IGrainWithIntegerKey
{
    Task<ClusterShape> Describe();
}
