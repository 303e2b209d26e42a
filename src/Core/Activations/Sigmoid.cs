namespace NetOrleans.Core.Activations;

/// <summary>f(z) = 1 / (1 + e^-z); f'(z) = f(z) (1 - f(z)).</summary>
public sealed class Sigmoid : Activation
{
    public static readonly Sigmoid Instance = new();

    public override ActivationKind Kind => ActivationKind.Sigmoid;

    public override string Name => "sigmoid";

    public static double F(double z) => 1.0 / (1.0 + Math.Exp(-z));

    public static double Derivative(double a) => a * (1.0 - a);

    public override void Forward(ReadOnlySpan<double> z, Span<double> a)
    {
        for (var i = 0; i < z.Length; i++)
        {
            a[i] = F(z[i]);
        }
    }

    public override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> a, ReadOnlySpan<double> g, Span<double> delta)
    {
        for (var i = 0; i < z.Length; i++)
        {
            delta[i] = g[i] * Derivative(a[i]);
        }
    }
}
