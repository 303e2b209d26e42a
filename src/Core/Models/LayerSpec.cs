using NetOrleans.Core.Activations;

namespace NetOrleans.Core.Models;

/// <summary>One layer: how many neurons and their activation.</summary>
public sealed record LayerSpec(int Size, ActivationKind Activation)
{
    /// <summary>Layer <paramref name="layer"/> (1-based) of <paramref name="size"/> neurons with the activation named <paramref name="activation"/>; an unknown name is an <see cref="ArgumentException"/> naming the layer.</summary>
    public static LayerSpec Parse(int size, string? activation, int layer) =>
        Activations.Activations.Find(activation) is { } kind
            ? new LayerSpec(size, kind)
            : throw new ArgumentException($"layer {layer}: {Activations.Activations.UnknownMessage(activation)}");
}
