using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>
/// Lets Orleans carry Core's <see cref="NetworkSpec"/>. What comes in is not checked here: the grain that takes a
/// spec calls <see cref="NetworkSpec.Validate"/>, which names what is wrong.
/// </summary>
[RegisterConverter]
public sealed class NetworkSpecConverter : IConverter<NetworkSpec, NetworkSpecSurrogate>
{
    public NetworkSpec ConvertFromSurrogate(in NetworkSpecSurrogate surrogate) =>
        new(surrogate.Inputs, surrogate.Layers, surrogate.Loss, surrogate.InputShift, surrogate.InputScale, surrogate.Classes);

    public NetworkSpecSurrogate ConvertToSurrogate(in NetworkSpec value) => new()
    {
        Inputs = value.Inputs,
        Layers = [.. value.Layers],
        Loss = value.Loss,
        InputShift = value.InputShift,
        InputScale = value.InputScale,
        Classes = value.Classes?.ToArray(),
    };
}
