using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Interfaces.Surrogates;

/// <summary>What a <see cref="NetworkModel"/> is on the wire: its spec and theta[layer][neuron], n + 1 values each (w, then b).</summary>
[GenerateSerializer, Immutable, Alias("NetOrleans.NetworkModel")]
public struct NetworkModelSurrogate
{
    [Id(0)] public NetworkSpec Spec;

    [Id(1)] public double[][][] Theta;
}
