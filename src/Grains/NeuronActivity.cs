using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains;

/// <summary>A neuron grain's calls since its activation and the start of its last forward pass, for inspection; never stored.</summary>
internal sealed class NeuronActivity
{
    /// <summary>How many activations of the last forward pass are kept.</summary>
    public const int KeptActivations = 16;

    private long _predict;
    private long _forward;
    private long _backward;
    private readonly double[] _last = new double[KeptActivations];
    private int _kept;

    /// <summary>A forward pass gave the B activations <paramref name="a"/>.</summary>
    public void Forwarded(double[] a, bool train)
    {
        if (train)
        {
            _forward++;
        }
        else
        {
            _predict++;
        }

        // Into a buffer of its own: every forward pass is a hot path, and copying 16 values there costs no allocation.
        _kept = Math.Min(a.Length, KeptActivations);
        a.AsSpan(0, _kept).CopyTo(_last);
    }

    /// <summary>A backward pass and its optimizer step are done.</summary>
    public void SteppedBack() => _backward++;

    public NeuronCallCounts Counts => new(_predict, _forward, _backward);

    /// <summary>A copy of the first (at most 16) activations of the last forward pass.</summary>
    public double[] LastActivations => _last[.._kept];
}
