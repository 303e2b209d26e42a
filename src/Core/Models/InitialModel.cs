namespace NetOrleans.Core.Models;

/// <summary>
/// What a network is created from: a model with its parameters (a model file), or only a spec and the seed that
/// <see cref="Initialization"/> draws every neuron's parameters from, so that none are made in one place however
/// large the network.
/// </summary>
/// <param name="Spec">the shape</param>
/// <param name="Given">the model whose parameters the network starts from, or null to draw them from <paramref name="Seed"/></param>
/// <param name="Seed">the seed of <see cref="Initialization"/> when nothing is given</param>
public sealed record InitialModel(NetworkSpec Spec, NetworkModel? Given, long Seed)
{
    /// <summary>Starts from <paramref name="model"/>'s parameters.</summary>
    public static InitialModel Of(NetworkModel model) => new(model.Spec, model, 0);

    /// <summary>Starts from parameters drawn from <paramref name="seed"/> (as <see cref="Initialization.Create"/>).</summary>
    public static InitialModel Seeded(NetworkSpec spec, long seed) => new(spec, null, seed);

    /// <summary>True when the parameters come from <see cref="Seed"/>.</summary>
    public bool IsSeeded => Given is null;

    /// <summary>The model, its parameters drawn from the seed when none were given.</summary>
    public NetworkModel ToModel() => Given ?? Initialization.Create(Spec, Seed);

    /// <summary>The n + 1 parameters of neuron <paramref name="j"/> of layer <paramref name="l"/> (0-based): given, or drawn from the seed.</summary>
    public double[] NeuronTheta(int l, int j) => Given?.Theta[l][j] ?? Initialization.Neuron(Spec, Seed, l, j);
}
