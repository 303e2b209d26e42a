namespace NetOrleans.Core.Losses;

/// <summary>Loss names (as users type them and model files hold them) to <see cref="LossKind"/>, and kinds to their functions.</summary>
public static class Losses
{
    /// <summary>Every name that <see cref="Parse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["mse", "cross-entropy"];

    /// <summary>The loss called <paramref name="name"/> (case and surrounding spaces ignored; also "crossentropy", "ce"), or null when there is none.</summary>
    public static LossKind? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "mse" => LossKind.Mse,
        "cross-entropy" or "crossentropy" or "ce" => LossKind.CrossEntropy,
        _ => null,
    };

    /// <summary>The loss called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static LossKind Parse(string? name) => Find(name) ?? throw Unknown(name);

    /// <summary>L, the function of <paramref name="kind"/>; a value outside the enum is an <see cref="ArgumentException"/>.</summary>
    public static Loss Function(this LossKind kind) => kind switch
    {
        LossKind.Mse => MeanSquaredError.Instance,
        LossKind.CrossEntropy => CrossEntropy.Instance,
        _ => throw Unknown(kind.ToString()),
    };

    /// <summary>The name of <paramref name="kind"/> in model files and on the command line ("cross-entropy").</summary>
    public static string Name(this LossKind kind) => kind.Function().Name;

    private static ArgumentException Unknown(string? name) => new($"unknown loss '{name}' (expected one of: {string.Join(", ", Names)})");
}
