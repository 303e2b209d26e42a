namespace NetOrleans.Core.Activations;

/// <summary>f(z) = max(0, z); f'(z) = 1 if z &gt; 0 else 0.</summary>
public sealed class Relu : Activation
{
    public static readonly Relu Instance = new();

    public override ActivationKind Kind => ActivationKind.Relu;

    public override string Name => "relu";

    public override void Forward(ReadOnlySpan<double> z, Span<double> a)
    {
        for (var i = 0; i < z.Length; i++)
        {
            a[i] = z[i] > 0.0 ? z[i] : 0.0;
        }
    }

    public override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> g, Span<double> delta)
    {
        for (var i = 0; i < z.Length; i++)
        {
            delta[i] = z[i] > 0.0 ? g[i] : 0.0;
        }
    }
}
