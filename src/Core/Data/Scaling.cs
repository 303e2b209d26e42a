namespace NetOrleans.Core.Data;

/// <summary>
/// Input scaling (--scale none|standard|minmax), fitted on a training set only, as the n shifts and n scales of
/// x' = (x - shift) / scale: none = (0, 1); standard = (mean, population standard deviation);
/// minmax = (min, max - min). A constant column gets scale 1.
/// </summary>
public static class Scaling
{
    /// <summary>Every name that <see cref="Parse"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["none", "standard", "minmax"];

    /// <summary>The scaling called <paramref name="name"/>, normalised; an unknown name is an <see cref="ArgumentException"/>.</summary>
    public static string Parse(string? name)
    {
        var key = name?.Trim().ToLowerInvariant();
        return key is not null && Names.Contains(key)
            ? key
            : throw new ArgumentException($"unknown scaling '{name}' (expected one of: {string.Join(", ", Names)})");
    }

    /// <summary>Fits <paramref name="method"/> on <paramref name="train"/> (N x n): n shifts and n scales, every scale non-zero.</summary>
    public static (double[] Shift, double[] Scale) Fit(DataSet train, string method)
    {
        var key = Parse(method);
        var n = train.Features;
        if (key == "none")
        {
            return (new double[n], Enumerable.Repeat(1.0, n).ToArray());
        }

        if (train.Count == 0)
        {
            throw new ArgumentException($"cannot fit {key} scaling on {train.Name}: it has no samples");
        }

        var (min, max) = Range(train);
        var shift = new double[n];
        var scale = new double[n];
        if (key == "minmax")
        {
            for (var c = 0; c < n; c++)
            {
                shift[c] = min[c];
                scale[c] = max[c] > min[c] ? max[c] - min[c] : 1.0;
            }

            return (shift, scale);
        }

        var count = train.Count;
        for (var r = 0; r < count; r++)
        {
            var row = train.Row(r);
            for (var c = 0; c < n; c++)
            {
                shift[c] += row[c];
            }
        }

        for (var c = 0; c < n; c++)
        {
            shift[c] /= count;
        }

        for (var r = 0; r < count; r++)
        {
            var row = train.Row(r);
            for (var c = 0; c < n; c++)
            {
                var d = row[c] - shift[c];
                scale[c] += d * d;
            }
        }

        for (var c = 0; c < n; c++)
        {
            var std = Math.Sqrt(scale[c] / count);
            scale[c] = max[c] > min[c] && std > 0 ? std : 1.0;
        }

        return (shift, scale);
    }

    /// <summary>The n column minima and n column maxima of X (N x n, N at least 1).</summary>
    private static (double[] Min, double[] Max) Range(DataSet data)
    {
        var min = data.Row(0).ToArray();
        var max = data.Row(0).ToArray();
        for (var r = 1; r < data.Count; r++)
        {
            var row = data.Row(r);
            for (var c = 0; c < data.Features; c++)
            {
                min[c] = Math.Min(min[c], row[c]);
                max[c] = Math.Max(max[c], row[c]);
            }
        }

        return (min, max);
    }
}
