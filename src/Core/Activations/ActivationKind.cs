namespace NetOrleans.Core.Activations;

/// <summary>
/// Which activation a layer's neurons use: the name is parsed once, where it comes in (command line, model file), and
/// this travels inward. <see cref="Activations"/> gives its name back and the function that computes it.
/// </summary>
public enum ActivationKind
{
    Sigmoid,
    Tanh,
    Relu,
    Linear,
    Softmax,
}
