namespace NetOrleans.Core.Activations;

/// <summary>f(z) = tanh z; f'(z) = 1 - f(z)^2.</summary>
public sealed class Tanh : Activation
{
    public static readonly Tanh Instance = new();

    public override ActivationKind Kind => ActivationKind.Tanh;

    public override string Name => "tanh";

    public override void Forward(ReadOnlySpan<double> z, Span<double> a)
    {
        for (var i = 0; i < z.Length; i++)
        {
            a[i] = Math.Tanh(z[i]);
        }
    }

    public override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> g, Span<double> delta)
    {
        for (var i = 0; i < z.Length; i++)
        {
            delta[i] = g[i] * (1.0 - a[i] * a[i]);
        }
    }
}
