namespace NetOrleans.Core.Optimizers;

/// <summary>Optimizer names (as users type them) to <see cref="OptimizerKind"/> and back.</summary>
public static class OptimizerKinds
{
    /// <summary>Every name that <see cref="Parse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["sgd", "momentum", "adam"];

    /// <summary>The optimizer called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static OptimizerKind Parse(string? name) => name switch
    {
        "sgd" => OptimizerKind.Sgd,
        "momentum" => OptimizerKind.Momentum,
        "adam" => OptimizerKind.Adam,
        _ => throw Unknown(name),
    };

    /// <summary>The name of <paramref name="kind"/> on the command line ("adam").</summary>
    public static string Name(this OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd => "sgd",
        OptimizerKind.Momentum => "momentum",
        OptimizerKind.Adam => "adam",
        _ => throw Unknown(kind.ToString()),
    };

    /// <summary>"unknown optimizer 'rmsprop' (expected one of: sgd, momentum, adam)".</summary>
    internal static ArgumentException Unknown(string? name) => new($"unknown optimizer '{name}' (expected one of: {string.Join(", ", Names)})");
}
