using System.Globalization;

namespace NetOrleans.Core.Models;

/// <summary>
/// What a network will cost before any of it exists: its neurons, its parameters theta (sum over layers of
/// n_l (n_{l-1} + 1)), and the memory its neurons need at most: <see cref="BytesPerNeuron"/> each.
/// </summary>
/// <param name="Neurons">sum of n_l</param>
/// <param name="Parameters">sum of n_l (n_{l-1} + 1)</param>
/// <param name="Bytes">sum over neurons of <see cref="BytesPerNeuron"/></param>
public sealed record NetworkSize(long Neurons, long Parameters, long Bytes)
{
    /// <summary>What a neuron may hold besides its numbers: its grain activation, keys and small fields.</summary>
    public const long NeuronOverheadBytes = 3 * 1024;

    /// <summary>
    /// A neuron of fan-in n at most: 3 copies of its n + 1 parameters (theta and, with Adam, the moments m and v),
    /// 8 bytes each, and <see cref="NeuronOverheadBytes"/>.
    /// </summary>
    public static long BytesPerNeuron(int fanIn) => 3L * sizeof(double) * (fanIn + 1L) + NeuronOverheadBytes;

    /// <summary>The size of <paramref name="spec"/>, in 64-bit arithmetic (a spec may ask for far more than fits).</summary>
    public static NetworkSize Of(NetworkSpec spec)
    {
        long neurons = 0, parameters = 0, bytes = 0;
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            long n = spec.Layers[l].Size;
            neurons += n;
            parameters += n * (spec.FanIn(l) + 1L);
            bytes += n * BytesPerNeuron(spec.FanIn(l));
        }

        return new NetworkSize(neurons, parameters, bytes);
    }

    /// <summary>Throws an <see cref="ArgumentException"/> in one line with the numbers when the network needs more than <paramref name="budget"/>.</summary>
    /// <param name="what">the network, as the message names it ("network 'n1' (4,100000,100000,3)")</param>
    /// <param name="budget">the bytes the cluster can give</param>
    /// <param name="source">where that figure comes from ("half of the 21.9 GB its 1 silo has available")</param>
    public void CheckFits(string what, long budget, string source)
    {
        if (Bytes > budget)
        {
            throw new ArgumentException(
                $"{what} is too big for the cluster: {Parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters in " +
                $"{Neurons.ToString("N0", CultureInfo.InvariantCulture)} neurons need {Format(Bytes)} of silo memory " +
                $"(3 x 8 B per parameter + 3 KB per neuron), more than its memory budget of {Format(budget)} ({source}); " +
                "use fewer or smaller layers");
        }
    }

    /// <summary>"1.23 GB", "456 MB", "12 KB".</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("F1", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("F0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " KB",
    };
}
