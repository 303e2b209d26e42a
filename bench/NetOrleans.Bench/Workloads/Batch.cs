namespace NetOrleans.Bench.Workloads;

/// <summary>One mini-batch, wrapped once so that sending it costs no copy.</summary>
/// <param name="X">B x n_0 raw inputs</param>
/// <param name="Y">B x n_L targets</param>
public sealed record Batch(Immutable<double[]> X, Immutable<double[]> Y)
{
    public Batch(double[] x, double[] y)
        : this(x.AsImmutable(), y.AsImmutable())
    {
    }
}
