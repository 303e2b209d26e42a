namespace NetOrleans.Core.Losses;

/// <summary>
/// Cross-entropy. With k &gt; 1 outputs (softmax probabilities): -sum_j y_j ln a_j per sample.
/// With one output (a sigmoid probability of class 1): -(y ln a + (1 - y) ln(1 - a)).
/// Probabilities are clamped to [1e-15, 1 - 1e-15] inside the logarithm.
/// </summary>
public sealed class CrossEntropy : Loss
{
    public static readonly CrossEntropy Instance = new();

    private const double Epsilon = 1e-15;

    public override string Name => "cross-entropy";

    private static double Clamp(double p) => Math.Clamp(p, Epsilon, 1.0 - Epsilon);

    public override double Value(ReadOnlySpan<double> a, ReadOnlySpan<double> y, int k)
    {
        var batch = a.Length / k;
        var total = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            total -= k == 1
                ? y[i] * Math.Log(Clamp(a[i])) + (1.0 - y[i]) * Math.Log(Clamp(1.0 - a[i]))
                : y[i] * Math.Log(Clamp(a[i]));
        }

        return total / batch;
    }

    public override double Derivative(double a, double y, int k, int batch)
    {
        var p = Clamp(a);
        return k == 1 ? (p - y) / (p * (1.0 - p)) / batch : -y / p / batch;
    }
}
