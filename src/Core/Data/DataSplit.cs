using NetOrleans.Core.Models;

namespace NetOrleans.Core.Data;

/// <summary>Splits a data set into training and test samples, reproducibly from a seed.</summary>
public static class DataSplit
{
    /// <summary>The stream key of the split's shuffle: <see cref="SeededRandom.For"/>(seed, ShuffleStream).</summary>
    public const long ShuffleStream = 0x53504C4954; // "SPLIT"

    /// <summary>
    /// Shuffles the N samples with <see cref="SeededRandom.For"/>(<paramref name="seed"/>, <see cref="ShuffleStream"/>);
    /// the first round(N * (1 - f)) (midpoint away from zero) are the training set, the rest the test set.
    /// <paramref name="testFraction"/> f must be in (0, 1) and leave at least one sample on each side.
    /// Both halves keep the input shift and scale and have no <see cref="DataSet.Test"/>.
    /// </summary>
    public static (DataSet Train, DataSet Test) Split(DataSet data, double testFraction, long seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentException($"test fraction must be between 0 and 1 (exclusive), got {testFraction}");
        }

        var n = data.Count;
        var trainCount = (int)Math.Round(n * (1 - testFraction), MidpointRounding.AwayFromZero);
        if (trainCount < 1 || trainCount > n - 1)
        {
            throw new ArgumentException(
                $"test fraction {testFraction} of {n} samples leaves {trainCount} for training and {n - trainCount} for testing; each side needs at least one sample");
        }

        var order = Enumerable.Range(0, n).ToArray();
        SeededRandom.For(seed, ShuffleStream).Shuffle(order);
        var train = data.Select(order[..trainCount], $"{data.Name}:train");
        var test = data.Select(order[trainCount..], $"{data.Name}:test");
        return (train, test);
    }

    /// <summary>
    /// Checks that <paramref name="test"/> matches <paramref name="train"/> in shape and holds no class that
    /// <paramref name="train"/> lacks (one-hot: a target column all zero in train but not in test; a single 0/1
    /// column of two classes: a value present in test only). Regression targets are not checked for classes.
    /// </summary>
    public static void CheckClasses(DataSet train, DataSet test)
    {
        if (train.Features != test.Features || train.Targets != test.Targets)
        {
            throw new DataFormatException(
                $"the test split has {test.Features} features and {test.Targets} targets, the training split {train.Features} and {train.Targets}");
        }

        if (train.Classes is null)
        {
            return;
        }

        var seen = Present(train);
        var inTest = Present(test);
        for (var c = 0; c < seen.Length; c++)
        {
            if (inTest[c] && !seen[c])
            {
                var name = c < train.Classes.Count ? train.Classes[c] : c.ToString(System.Globalization.CultureInfo.InvariantCulture);
                throw new DataFormatException($"class '{name}' appears in the test split but not in the training split");
            }
        }
    }

    /// <summary>Which classes occur: k flags for k one-hot columns, or 2 flags (0, 1) for a single 0/1 column.</summary>
    private static bool[] Present(DataSet data)
    {
        if (data.Targets == 1)
        {
            var flags = new bool[2];
            foreach (var v in data.Y)
            {
                flags[v > 0.5 ? 1 : 0] = true;
            }

            return flags;
        }

        var present = new bool[data.Targets];
        for (var r = 0; r < data.Count; r++)
        {
            var t = data.Target(r);
            for (var c = 0; c < t.Length; c++)
            {
                present[c] |= t[c] != 0;
            }
        }

        return present;
    }
}
