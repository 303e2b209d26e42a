namespace NetOrleans.Core.Activations;

/// <summary>
/// An element-wise activation a = f(z) with its derivative beside it.
/// A layer-coupled activation (softmax) is computed by the network over the whole layer;
/// its neurons then see f as the identity and receive dL/dz directly.
/// </summary>
public abstract class Activation
{
    /// <summary>Which activation this is.</summary>
    public abstract ActivationKind Kind { get; }

    /// <summary>The name used in model files and on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>True when f couples the neurons of a layer (softmax): the network normalises their outputs.</summary>
    public virtual bool IsLayerCoupled => false;

    /// <summary>a = f(z), element-wise.</summary>
    /// <param name="z">B pre-activations</param>
    /// <param name="a">B activations (output)</param>
    public abstract void Forward(ReadOnlySpan<double> z, Span<double> a);

    /// <summary>delta = g * f'(z), element-wise.</summary>
    /// <param name="z">B pre-activations</param>
    /// <param name="a">B activations f(z)</param>
    /// <param name="g">B upstream gradients dL/da</param>
    /// <param name="delta">B values dL/dz (output)</param>
    public abstract void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> g, Span<double> delta);

    /// <inheritdoc />
    public override string ToString() => Name;
}
