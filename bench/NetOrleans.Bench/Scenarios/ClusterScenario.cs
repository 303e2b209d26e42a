using NetOrleans.Bench.Cluster;
using NetOrleans.Bench.Harness;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// Separate silo processes on localhost (the built NetOrleans.Silo.dll) and a client in this process through the
/// gateways: first one silo process (what leaving the client's process costs), then three (what crossing silos costs).
/// Cells whose batch would send too many bytes across silos with the current array codec are skipped and say so.
/// </summary>
public static class ClusterScenario
{
    public static async Task Run(BenchContext context)
    {
        var headline = new GrowthCell(64, 128);
        await using (var one = await SiloProcesses.Start(context.Options.SiloDll, 1, context.Log))
        {
            var (g, r, note) = await headline.Run(context, one.Grains, "1 silo process", headline.Steps);
            context.Measured[$"{headline.Key}/1-process"] = g;
            context.Add(new Row($"growth {headline.Name}, 1 silo process via gateway", "step", Unit.Seconds, g.Seconds, r.Seconds,
                note + VersusInProcess(context, headline, g)));
        }

        const int silos = 3;
        var limit = context.Options.Quick ? 150e6 : 600e6;
        await using var three = await SiloProcesses.Start(context.Options.SiloDll, silos, context.Log);
        foreach (var cell in GrowthScenario.Cells(context.Options.Quick))
        {
            if (cell.CrossSiloBytes(silos) > limit)
            {
                context.Log($"skipping {cell.Name} on {silos} silos: {Format.Bytes(cell.CrossSiloBytes(silos))} of inputs would cross silos per step");
                context.Table.Add(new Row($"growth {cell.Name}, {silos} silos", "step", Unit.Seconds, double.NaN, null,
                    $"skipped: {Format.Bytes(cell.CrossSiloBytes(silos))} of X would cross silos per step (over {Format.Bytes(limit)})"));
                continue;
            }

            var steps = Math.Max(1, cell.Steps / 4);
            var (g, r, note) = await cell.Run(context, three.Grains, $"{silos} silos", steps, async () =>
                $"; neurons per silo {string.Join("/", await three.ActivationsPerSilo("neuron"))}");
            var versusProcess = context.Measured.TryGetValue($"{cell.Key}/1-process", out var p)
                ? $"; {Format.Number(g.Seconds / p.Seconds)}x 1 silo process"
                : "";
            context.Add(new Row($"growth {cell.Name}, {silos} silos (processes)", "step", Unit.Seconds, g.Seconds, r.Seconds,
                note + VersusInProcess(context, cell, g) + versusProcess));
        }
    }

    private static string VersusInProcess(BenchContext context, GrowthCell cell, RunSample grains) =>
        context.Measured.TryGetValue(cell.Key, out var single) ? $"; {Format.Number(grains.Seconds / single.Seconds)}x 1 silo in-process" : "";
}
