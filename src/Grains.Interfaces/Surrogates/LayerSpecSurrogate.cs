using NetOrleans.Core.Activations;
using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>What a <see cref="LayerSpec"/> is on the wire and in storage.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.LayerSpec")]
public struct LayerSpecSurrogate
{
    [Id(0)] public int Size;

    [Id(1)] public ActivationKind Activation;
}
