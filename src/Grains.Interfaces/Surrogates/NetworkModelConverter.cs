using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>Lets Orleans carry Core's <see cref="NetworkModel"/>; the grain that takes one calls <see cref="NetworkModel.Validate"/>.</summary>
[RegisterConverter]
public sealed class NetworkModelConverter : IConverter<NetworkModel, NetworkModelSurrogate>
{
    public NetworkModel ConvertFromSurrogate(in NetworkModelSurrogate surrogate) => new(surrogate.Spec, surrogate.Theta);

    public NetworkModelSurrogate ConvertToSurrogate(in NetworkModel value) => new() { Spec = value.Spec, Theta = value.Theta };
}
