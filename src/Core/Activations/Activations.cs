namespace NetOrleans.Core.Activations;

/// <summary>Activation names (as users type them and model files hold them) to <see cref="ActivationKind"/>, and kinds to their functions.</summary>
public static class Activations
{
    /// <summary>Every name that <see cref="Parse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["sigmoid", "tanh", "relu", "linear", "softmax"];

    /// <summary>The activation called <paramref name="name"/> (case and surrounding spaces ignored; "identity" is linear), or null when there is none.</summary>
    public static ActivationKind? Find(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "sigmoid" => ActivationKind.Sigmoid,
        "tanh" => ActivationKind.Tanh,
        "relu" => ActivationKind.Relu,
        "linear" or "identity" => ActivationKind.Linear,
        "softmax" => ActivationKind.Softmax,
        _ => null,
    };

    /// <summary>The activation called <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static ActivationKind Parse(string? name) => Find(name) ?? throw Unknown(name);

    /// <summary>f, the function of <paramref name="kind"/>; a value outside the enum is an <see cref="ArgumentException"/>.</summary>
    public static Activation Function(this ActivationKind kind) => kind switch
    {
        ActivationKind.Sigmoid => Sigmoid.Instance,
        ActivationKind.Tanh => Tanh.Instance,
        ActivationKind.Relu => Relu.Instance,
        ActivationKind.Linear => Linear.Instance,
        ActivationKind.Softmax => Softmax.Instance,
        _ => throw Unknown(kind.ToString()),
    };

    /// <summary>The name of <paramref name="kind"/> in model files and on the command line ("sigmoid").</summary>
    public static string Name(this ActivationKind kind) => kind.Function().Name;

    /// <summary>"unknown activation 'gelu' (expected one of: sigmoid, ...)".</summary>
    public static string UnknownMessage(string? name) => $"unknown activation '{name}' (expected one of: {string.Join(", ", Names)})";

    private static ArgumentException Unknown(string? name) => new(UnknownMessage(name));
}
