using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>What a <see cref="NetworkSpec"/> is on the wire and in storage: its fields, n_0 shifts and scales, L layers.</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NetworkSpec")]
public struct NetworkSpecSurrogate
{
    [Id(0)] public int Inputs;

    [Id(1)] public LayerSpec[] Layers;

    [Id(2)] public LossKind Loss;

    [Id(3)] public double[] InputShift;

    [Id(4)] public double[] InputScale;

    [Id(5)] public string[]? Classes;
}
