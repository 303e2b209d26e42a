namespace NetOrleans.Core.Activations;

/// <summary>f(z) = z; f'(z) = 1.</summary>
public sealed class Linear : Activation
{
    public static readonly Linear Instance = new();

    public override ActivationKind Kind => ActivationKind.Linear;

    public override string Name => "linear";

    public override void Forward(ReadOnlySpan<double> z, Span<double> a) => z.CopyTo(a);

    public override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> g, Span<double> delta) => g.CopyTo(delta);
}
