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
    private double[] _last = [];

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

        _last = a.AsSpan(0, Math.Min(a.Length, KeptActivations)).ToArray();
    }

    /// <summary>A backward pass and its optimizer step are done.</summary>
    public void SteppedBack() => _backward++;

    public NeuronCallCounts Counts => new(_predict, _forward, _backward);

    public double[] LastActivations => _last;
}
