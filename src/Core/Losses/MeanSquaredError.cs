namespace NetOrleans.Core.Losses;

/// <summary>Per sample: (1/k) sum_j (y_j - a_j)^2; dL/da_j = -2 (y_j - a_j) / (k B).</summary>
public sealed class MeanSquaredError : Loss
{
    public static readonly MeanSquaredError Instance = new();

    public override string Name => "mse";

    public override double Value(ReadOnlySpan<double> a, ReadOnlySpan<double> y, int k)
    {
        var batch = a.Length / k;
        var total = 0.0;
        for (var s = 0; s < batch; s++)
        {
            var sample = 0.0;
            for (var j = 0; j < k; j++)
            {
                var e = y[s * k + j] - a[s * k + j];
                sample += e * e;
            }

            total += sample / k;
        }

        return total / batch;
    }

    public override double Derivative(double a, double y, int k, int batch) => -2.0 * (y - a) / ((double)k * batch);
}
