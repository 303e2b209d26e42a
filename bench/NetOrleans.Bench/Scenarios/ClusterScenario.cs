using NetOrleans.Bench.Cluster;
using NetOrleans.Bench.Harness;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// Separate silo processes on localhost (the built NetOrleans.Silo.dll) and a client in this process through the
/// gateways: first one silo process (what leaving the client's process costs), then three with the neurons spread over
/// the silos at random (what crossing silos costs), then three with every neuron on its network's silo.
/// Cells whose batch would send too many bytes across silos are skipped and say so.
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

        foreach (var placement in new[] { "spread", "local" })
        {
            await ThreeSilos(context, placement);
        }
    }

    /// <param name="placement">the silos' --placement: spread (each neuron on a random silo) or local (with its network)</param>
    private static async Task ThreeSilos(BenchContext context, string placement)
    {
        const int silos = 3;
        var name = placement == "local" ? "together" : "spread";
        var limit = context.Options.Quick ? 150e6 : 600e6;
        await using var three = await SiloProcesses.Start(context.Options.SiloDll, silos, context.Log, "--placement", placement);
        foreach (var cell in GrowthScenario.Cells(context.Options.Quick))
        {
            if (placement == "spread" && cell.CrossSiloBytes(silos) > limit)
            {
                context.Log($"skipping {cell.Name} on {silos} silos ({name}): {Format.Bytes(cell.CrossSiloBytes(silos))} of inputs would cross silos per step");
                context.Table.Add(new Row($"growth {cell.Name}, {silos} silos, neurons {name}", "step", Unit.Seconds, double.NaN, null,
                    $"skipped: {Format.Bytes(cell.CrossSiloBytes(silos))} of X would cross silos per step (over {Format.Bytes(limit)})"));
                continue;
            }

            var steps = Math.Max(1, placement == "spread" ? cell.Steps / 4 : cell.Steps);
            var (g, r, note) = await cell.Run(context, three.Grains, $"{silos} silos, {name}", steps, async () =>
                $"; neurons per silo {string.Join("/", await three.ActivationsPerSilo("neuron"))}");
            var versusProcess = context.Measured.TryGetValue($"{cell.Key}/1-process", out var p)
                ? $"; {Format.Number(g.Seconds / p.Seconds)}x 1 silo process"
                : "";
            context.Add(new Row($"growth {cell.Name}, {silos} silos, neurons {name}", "step", Unit.Seconds, g.Seconds, r.Seconds,
                note + VersusInProcess(context, cell, g) + versusProcess));
        }
    }

    private static string VersusInProcess(BenchContext context, GrowthCell cell, RunSample grains) =>
        context.Measured.TryGetValue(cell.Key, out var single) ? $"; {Format.Number(grains.Seconds / single.Seconds)}x 1 silo in-process" : "";
}
