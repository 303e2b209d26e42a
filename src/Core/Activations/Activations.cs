namespace NetOrleans.Core.Activations;

/// <summary>Looks activations up by name.</summary>
public static class Activations
{
    /// <summary>Every name that <see cref="Parse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["sigmoid", "tanh", "relu", "linear", "softmax"];

    /// <summary>The activation called <paramref name="name"/>, or null when there is none.</summary>
    public static Activation? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "sigmoid" => Sigmoid.Instance,
        "tanh" => Tanh.Instance,
        "relu" => Relu.Instance,
        "linear" or "identity" => Linear.Instance,
        "softmax" => Softmax.Instance,
        _ => null,
    };

    /// <summary>The activation called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static Activation Parse(string? name) =>
        Find(name) ?? throw new ArgumentException($"unknown activation '{name}' (expected one of: {string.Join(", ", Names)})");
}
