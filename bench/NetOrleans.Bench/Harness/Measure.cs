using System.Diagnostics;

namespace NetOrleans.Bench.Harness;

/// <summary>
/// Warm-up (at least one second of it), then several runs; the grain path and the reference alternate run by run (and swap who goes first),
/// so that a noisy neighbour on the machine hits both alike.
/// </summary>
public static class Measure
{
    /// <summary>
    /// Warm-up runs go on for at least this long (when there are any), so that tiered JIT has replaced the
    /// hot methods with optimised code before the first measured run, however short a run is.
    /// </summary>
    public static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(1);

    /// <param name="grains">sets up and times one run of the grain path</param>
    /// <param name="reference">sets up and times one run of the reference trainer</param>
    public static async Task<(Series Grains, Series Reference)> Pair(
        BenchContext context, string name, Func<Task<RunSample>> grains, Func<Task<RunSample>> reference, int? runs = null)
    {
        var options = context.Options;
        var warming = Stopwatch.StartNew();
        for (var w = 0; w < options.Warmups || (options.Warmups > 0 && warming.Elapsed < MinimumWarmup); w++)
        {
            await Quiet(grains);
            await Quiet(reference);
        }

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
        for (var w = 0; w < context.Options.Warmups || (context.Options.Warmups > 0 && warming.Elapsed < MinimumWarmup); w++)
        {
            await Quiet(run);
        }

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
