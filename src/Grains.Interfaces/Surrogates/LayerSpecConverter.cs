using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>Lets Orleans carry Core's <see cref="LayerSpec"/> (Core knows nothing of Orleans).</summary>
[RegisterConverter]
public sealed class LayerSpecConverter : IConverter<LayerSpec, LayerSpecSurrogate>
{
    public LayerSpec ConvertFromSurrogate(in LayerSpecSurrogate surrogate) => new(surrogate.Size, surrogate.Activation);

    public LayerSpecSurrogate ConvertToSurrogate(in LayerSpec value) => new() { Size = value.Size, Activation = value.Activation };
}
