namespace NetOrleans.Core.Optimizers;

/// <summary>
/// Which optimizer steps a network's neurons: the name is parsed once, on the command line, and this travels inward.
/// <see cref="OptimizerKinds"/> gives its name back.
/// </summary>
public enum OptimizerKind
{
    Sgd,
    Momentum,
    Adam,
}
