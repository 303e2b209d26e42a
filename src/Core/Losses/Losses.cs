namespace NetOrleans.Core.Losses;

/// <summary>Looks losses up by name.</summary>
public static class Losses
{
    /// <summary>Every name that <see cref="Parse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["mse", "cross-entropy"];

    /// <summary>The loss called <paramref name="name"/>, or null when there is none.</summary>
    public static Loss? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "mse" => MeanSquaredError.Instance,
        "cross-entropy" or "crossentropy" or "ce" => CrossEntropy.Instance,
        _ => null,
    };

    /// <summary>The loss called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static Loss Parse(string? name) =>
        Find(name) ?? throw new ArgumentException($"unknown loss '{name}' (expected one of: {string.Join(", ", Names)})");
}
