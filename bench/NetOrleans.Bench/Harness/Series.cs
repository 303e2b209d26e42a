namespace NetOrleans.Bench.Harness;

/// <summary>The measured runs of one path, summarised by medians.</summary>
public sealed class Series(IReadOnlyList<RunSample> runs)
{
    public IReadOnlyList<RunSample> Runs { get; } = runs;

    /// <summary>Median wall seconds.</summary>
    public double Seconds => Median(r => r.Seconds);

    /// <summary>Median process CPU seconds.</summary>
    public double CpuSeconds => Median(r => r.CpuSeconds);

    /// <summary>(max - min) / median of the wall times: how noisy the runs were.</summary>
    public double Spread => Runs.Count < 2 ? 0 : (Runs.Max(r => r.Seconds) - Runs.Min(r => r.Seconds)) / Seconds;

    public double Median(Func<RunSample, double> value)
    {
        var sorted = Runs.Select(value).Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
