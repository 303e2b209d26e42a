namespace NetOrleans.Core.Optimizers;

/// <summary>One neuron's optimizer state: moments of the same length as its parameters theta (n + 1).</summary>
public sealed class OptimizerState
{
    /// <summary>Steps taken so far (t).</summary>
    public long Step { get; set; }

    /// <summary>Momentum velocity v, or Adam's first moment m; null until first needed. n + 1 values.</summary>
    public double[]? M { get; set; }

    /// <summary>Adam's second moment v; null until first needed. n + 1 values.</summary>
    public double[]? V { get; set; }
}
