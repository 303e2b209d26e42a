namespace NetOrleans.Core.Losses;

/// <summary>A loss L over a batch: the mean over its B samples of a per-sample loss, with its gradient dL/da beside it.</summary>
public abstract class Loss
{
    /// <summary>The name used in model files and on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>The mean per-sample loss.</summary>
    /// <param name="a">B x k network outputs, row-major</param>
    /// <param name="y">B x k targets, row-major</param>
    /// <param name="k">outputs per sample</param>
    public abstract double Value(ReadOnlySpan<double> a, ReadOnlySpan<double> y, int k);

    /// <summary>dL/da for the batch loss (already divided by B).</summary>
    /// <param name="a">B x k network outputs</param>
    /// <param name="y">B x k targets</param>
    /// <param name="k">outputs per sample</param>
    /// <param name="grad">B x k gradients (output)</param>
    public void Gradient(ReadOnlySpan<double> a, ReadOnlySpan<double> y, int k, Span<double> grad)
    {
        var batch = a.Length / k;
        for (var i = 0; i < a.Length; i++)
        {
            grad[i] = Derivative(a[i], y[i], k, batch);
        }
    }

    /// <summary>
    /// One element of dL/da: the loss is a sum over outputs, so output j's gradient needs only its own a and y.
    /// An output neuron can therefore work out its own gradient (see <see cref="Training.Neuron.TrainOutput"/>).
    /// </summary>
    /// <param name="a">one output</param>
    /// <param name="y">its target</param>
    /// <param name="k">outputs per sample</param>
    /// <param name="batch">B, samples in the batch</param>
    public abstract double Derivative(double a, double y, int k, int batch);

    /// <inheritdoc />
    public override string ToString() => Name;
}
