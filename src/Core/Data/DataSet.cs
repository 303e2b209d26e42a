namespace NetOrleans.Core.Data;

/// <summary>
/// Samples as two row-major matrices: X (N x n features) and Y (N x k targets).
/// Class targets are one-hot (k = number of classes), or a single 0/1 column for two classes when built so.
/// </summary>
/// <param name="Name">where it came from (a built-in name or a file)</param>
/// <param name="X">N x n features</param>
/// <param name="Y">N x k targets</param>
/// <param name="Features">n</param>
/// <param name="Targets">k</param>
/// <param name="FeatureNames">n column names</param>
/// <param name="Classes">class names in order of the target columns, or null for regression</param>
public sealed record DataSet(
    string Name,
    double[] X,
    double[] Y,
    int Features,
    int Targets,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<string>? Classes = null)
{
    /// <summary>N, the number of samples.</summary>
    public int Count => Features == 0 ? 0 : X.Length / Features;

    /// <summary>Suggested input shift of a model trained on this data (the tutorial's 135, 66 for gender).</summary>
    public double[]? InputShift { get; init; }

    /// <summary>Suggested input scale of a model trained on this data.</summary>
    public double[]? InputScale { get; init; }

    /// <summary>The line of each sample in its file, where it came from a text file (CSV): errors name the line.</summary>
    public IReadOnlyList<int>? Lines { get; init; }

    /// <summary>A fixed test split, where the data set has one (MNIST).</summary>
    public DataSet? Test { get; init; }

    /// <summary>Row <paramref name="i"/> of X.</summary>
    public ReadOnlySpan<double> Row(int i) => X.AsSpan(i * Features, Features);

    /// <summary>Row <paramref name="i"/> of Y.</summary>
    public ReadOnlySpan<double> Target(int i) => Y.AsSpan(i * Targets, Targets);

    /// <summary>The samples at <paramref name="indices"/>, in that order.</summary>
    public DataSet Select(IReadOnlyList<int> indices, string? name = null)
    {
        var x = new double[indices.Count * Features];
        var y = new double[indices.Count * Targets];
        for (var r = 0; r < indices.Count; r++)
        {
            Row(indices[r]).CopyTo(x.AsSpan(r * Features));
            Target(indices[r]).CopyTo(y.AsSpan(r * Targets));
        }

        return this with { Name = name ?? Name, X = x, Y = y, Lines = Lines is null ? null : indices.Select(i => Lines[i]).ToArray(), Test = null };
    }
}
