namespace NetOrleans.Core.Losses;

/// <summary>
/// Which loss a network is trained on: the name is parsed once, where it comes in (command line, model file), and
/// this travels inward. <see cref="Losses"/> gives its name back and the function that computes it.
/// </summary>
public enum LossKind
{
    Mse,
    CrossEntropy,
}
