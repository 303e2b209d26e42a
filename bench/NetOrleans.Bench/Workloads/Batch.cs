using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Bench.Workloads;

/// <summary>One mini-batch, wrapped once so that sending it costs no copy.</summary>
/// <param name="X">B x n_0 raw inputs</param>
/// <param name="Y">B x n_L targets</param>
public sealed record Batch(Doubles X, Doubles Y)
{
    public Batch(double[] x, double[] y)
        : this(new Doubles(x), new Doubles(y))
    {
    }
}
