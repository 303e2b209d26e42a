using NetOrleans.Bench.Harness;

namespace NetOrleans.Bench.Scenarios;

/// <summary>Growth on one silo (in this process): hidden layers of 64, 1,024 and 4,096 neurons, batches of 1 to 512.</summary>
public static class GrowthScenario
{
    public static IEnumerable<GrowthCell> Cells(bool quick) =>
        from hidden in quick ? new[] { 64, 1024 } : [64, 1024, 4096]
        from batch in quick ? new[] { 1, 128 } : [1, 32, 128, 512]
        select new GrowthCell(hidden, batch);

    public static async Task Run(BenchContext context)
    {
        var grains = (await context.Silo()).Grains;
        foreach (var cell in Cells(context.Options.Quick))
        {
            var (g, r, note) = await cell.Run(context, grains, "1 silo", cell.Steps);
            context.Measured[cell.Key] = g;
            context.Add(new Row($"growth {cell.Name}, 1 silo (in-process)", "step", Unit.Seconds, g.Seconds, r.Seconds,
                $"{note}; CPU {Format.Number(g.CpuSeconds / r.CpuSeconds)}x reference"));
        }
    }
}
