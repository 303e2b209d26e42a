using NetOrleans.Bench.Grains;
using NetOrleans.Bench.Harness;

namespace NetOrleans.Bench.Scenarios;

/// <summary>The bare cost of an Orleans call: an empty method, one after another and fanned out to 64 grains.</summary>
public static class RawCallScenario
{
    public const string FanOutKey = "empty/fan-out";
    private const int Width = 64;

    public static async Task Run(BenchContext context)
    {
        var grains = (await context.Silo()).Grains;
        var calls = context.Options.Quick ? 5_000 : 20_000;
        var empty = grains.GetGrain<IEmptyGrain>(0);
        var caller = grains.GetGrain<ICallerGrain>(0);

        var host = await Measure.Single(context, "empty call host->grain", () => Probe.Time(async () =>
        {
            for (var i = 0; i < calls; i++)
            {
                await empty.Ping();
            }
        }));
        context.Add(Row("empty call, sequential, host -> grain", host, calls, $"{calls} calls"));

        var sequential = await Measure.Single(context, "empty call grain->grain", () => Probe.Time(() => caller.Sequential(calls)));
        context.Add(Row("empty call, sequential, grain -> grain", sequential, calls, $"{calls} calls"));

        await FanOut(context);
    }

    /// <summary>The fanned-out empty call per call (measured once per process): the yardstick of the per-neuron overhead.</summary>
    public static async Task<RunSample> FanOut(BenchContext context)
    {
        if (context.Measured.TryGetValue(FanOutKey, out var known))
        {
            return known;
        }

        var caller = (await context.Silo()).Grains.GetGrain<ICallerGrain>(0);
        var rounds = (context.Options.Quick ? 5_000 : 20_000) / Width;
        var series = await Measure.Single(context, "empty call fan-out 64", () => Probe.Time(() => caller.FanOut(Width, rounds)));
        var row = Row($"empty call, fanned out to {Width}, grain -> grains", series, rounds * Width, $"{rounds} rounds of {Width} calls awaited together");
        context.Add(row);
        var perCall = new RunSample(series.Seconds, series.CpuSeconds, (long)series.Median(r => r.AllocatedBytes), 0, 0, 0, 0).Per(rounds * Width);
        context.Measured[FanOutKey] = perCall;
        return perCall;
    }

    private static Row Row(string name, Series series, int calls, string note) => new(
        name, "call", Unit.Seconds, series.Seconds / calls, null,
        $"{note}; CPU {Format.Seconds(series.CpuSeconds / calls)}/call; {Format.Bytes(series.Median(r => r.AllocatedBytes) / calls)} allocated/call; spread {series.Spread:P0}");
}
