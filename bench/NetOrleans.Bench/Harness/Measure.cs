using System.Diagnostics;

namespace NetOrleans.Bench.Harness;

/// <summary>
/// Warm-up until the runs stop getting faster, then several runs; the grain path and the reference alternate run by
/// run (and swap who goes first), so that a noisy neighbour on the machine hits both alike.
/// </summary>
public static class Measure
{
    /// <summary>
    /// Warm-up runs go on for at least this long (when there are any): tiered JIT (tier 0, instrumented tier 0, then
    /// tier 1 with dynamic PGO) takes seconds to settle on the Orleans call path of a busy 2-core machine; with one
    /// second of warm-up the tutorial's grain path measured 67 us per sample, with twenty runs 26 us.
    /// </summary>
    public static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(4);

    /// <summary>Warm-up stops here even if the runs are still getting faster.</summary>
    public static readonly TimeSpan MaximumWarmup = TimeSpan.FromSeconds(30);

    /// <summary>True while warm-up should go on: too few runs, too short, or the last run still 10% faster than any before.</summary>
    private static bool Warming(BenchContext context, Stopwatch warming, List<double> times)
    {
        var wanted = context.Options.Warmups;
        if (times.Count < wanted)
        {
            return true;
        }

        if (wanted == 0 || warming.Elapsed > MaximumWarmup)
        {
            return false;
        }

        return warming.Elapsed < MinimumWarmup || (times.Count > 1 && times[^1] < 0.9 * times.SkipLast(1).Min());
    }

    /// <param name="grains">sets up and times one run of the grain path</param>
    /// <param name="reference">sets up and times one run of the reference trainer</param>
    public static async Task<(Series Grains, Series Reference)> Pair(
        BenchContext context, string name, Func<Task<RunSample>> grains, Func<Task<RunSample>> reference, int? runs = null)
    {
        var options = context.Options;
        var warming = Stopwatch.StartNew();
        var times = new List<double>();
        while (Warming(context, warming, times))
        {
            times.Add((await Quiet(grains)).Seconds);
            await Quiet(reference);
        }

        context.Log($"{name}: {times.Count} warm-up runs in {warming.Elapsed.TotalSeconds:F1} s");

        var g = new List<RunSample>();
        var r = new List<RunSample>();
        var count = runs ?? options.Runs;
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                g.Add(await Quiet(grains));
                r.Add(await Quiet(reference));
            }
            else
            {
                r.Add(await Quiet(reference));
                g.Add(await Quiet(grains));
            }

            context.Log($"{name}: run {i + 1}/{count}: grains {Format.Seconds(g[^1].Seconds)}, reference {Format.Seconds(r[^1].Seconds)}");
        }

        return (new Series(g), new Series(r));
    }

    /// <summary>Warm-up and runs of one path alone.</summary>
    public static async Task<Series> Single(BenchContext context, string name, Func<Task<RunSample>> run, int? runs = null)
    {
        var warming = Stopwatch.StartNew();
        var times = new List<double>();
        while (Warming(context, warming, times))
        {
            times.Add((await Quiet(run)).Seconds);
        }

        context.Log($"{name}: {times.Count} warm-up runs in {warming.Elapsed.TotalSeconds:F1} s");

        var samples = new List<RunSample>();
        var count = runs ?? context.Options.Runs;
        for (var i = 0; i < count; i++)
        {
            samples.Add(await Quiet(run));
            context.Log($"{name}: run {i + 1}/{count}: {Format.Seconds(samples[^1].Seconds)}");
        }

        return new Series(samples);
    }

    /// <summary>Collects garbage left by the previous run before starting the next.</summary>
    private static Task<RunSample> Quiet(Func<Task<RunSample>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return run();
    }
}
