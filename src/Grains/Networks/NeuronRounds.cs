using NetOrleans.Core.Models;

namespace NetOrleans.Grains.Networks;

/// <summary>
/// A network's neurons (layer l, index j, both 0-based) in rounds small enough that each round's calls all answer
/// well within a call's timeout and its parameters fit in memory at once, whatever the network's size.
/// </summary>
internal static class NeuronRounds
{
    /// <summary>The most neurons called at once.</summary>
    public const int MaxNeurons = 4096;

    /// <summary>The most parameters a round carries (32 MB of doubles).</summary>
    public const long MaxParameters = 1L << 22;

    /// <summary>Every neuron of <paramref name="spec"/>, layer by layer, in rounds of at most <paramref name="maxNeurons"/> neurons and <see cref="MaxParameters"/> parameters.</summary>
    public static IEnumerable<(int L, int J)[]> Of(NetworkSpec spec, int maxNeurons = MaxNeurons)
    {
        var round = new List<(int L, int J)>();
        long parameters = 0;
        for (var l = 0; l < spec.Layers.Count; l++)
        {
            var each = spec.FanIn(l) + 1L;
            for (var j = 0; j < spec.Layers[l].Size; j++)
            {
                if (round.Count > 0 && (round.Count == maxNeurons || parameters + each > MaxParameters))
                {
                    yield return [.. round];
                    round.Clear();
                    parameters = 0;
                }

                round.Add((l, j));
                parameters += each;
            }
        }

        if (round.Count > 0)
        {
            yield return [.. round];
        }
    }
}
