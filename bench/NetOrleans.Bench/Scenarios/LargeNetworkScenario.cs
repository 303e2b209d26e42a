using NetOrleans.Bench.Harness;
using NetOrleans.Bench.Workloads;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// 100,000 neuron grains in one silo: a 1-100000-1 network (a sigmoid layer of fan-in 1, a linear output of fan-in
/// 100,000, mean squared error) created, measured, and trained on batches of 32.
/// </summary>
public static class LargeNetworkScenario
{
    private const int BatchSize = 32;

    public static async Task Run(BenchContext context)
    {
        var grains = (await context.Silo()).Grains;
        var n = context.Options.Quick ? 20_000 : 100_000;
        var before = Heap.Settled();
        var probe = Probe.Start();
        var network = await Create(grains, "bench-large", n);
        var created = probe.Stop();
        var after = Heap.Settled();
        context.Add(new Row($"{n:N0}-neuron network (1-{n}-1): create", "network", Unit.Seconds, created.Seconds, null,
            $"{n + 1:N0} neuron grains activated, initialized and checkpointed; CPU {Format.Seconds(created.CpuSeconds)}"));
        context.Add(MemoryScenario.Row($"{n:N0}-neuron network", n, before, after, 2 * (n + 1) * sizeof(double), "as created"));

        var workload = Workload(n);
        var batches = workload.Batches();
        var reference = new ReferenceNetwork(workload.Model(), workload.Optimizer);
        var (g, r) = await Measure.Pair(
            context,
            $"{n} neurons, one batch",
            () => Probe.Time(() => Runs.Train(network, batches)),
            () => Task.FromResult(Probe.Time(() => Runs.Train(reference, batches))),
            Math.Min(context.Options.Runs, 3));
        context.Add(new Row($"{n:N0}-neuron network: one training step, batch {BatchSize}", "step", Unit.Seconds, g.Seconds, r.Seconds,
            $"{2 * (n + 1):N0} neuron calls; CPU {Format.Number(g.CpuSeconds / r.CpuSeconds)}x reference; " +
            $"{Format.Bytes(g.Median(s => s.AllocatedBytes))} allocated/step; spread {g.Spread:P0}"));
        var step = new RunSample(g.Seconds, g.CpuSeconds, 0, 0, 0, 0, 0);
        await Overhead.Add(context, $"{n:N0}-neuron network", step, new RunSample(r.Seconds, r.CpuSeconds, 0, 0, 0, 0, 0), 2 * (n + 1));
    }

    /// <summary>Creates the 1-<paramref name="n"/>-1 network on the grains.</summary>
    public static Task<INetworkGrain> Create(IGrainFactory grains, string id, int n) => Runs.Create(grains, id, Workload(n));

    private static Workload Workload(int n)
    {
        var spec = NetworkSpec.Create([1, n, 1], "sigmoid", "linear");
        var random = new SeededRandom(5);
        var x = Enumerable.Range(0, BatchSize).Select(_ => random.NextDouble()).ToArray();
        var data = new DataSet("ramp", x, x.Select(v => 2 * v + 1).ToArray(), 1, 1, ["x"]);
        return new Workload($"1-{n}-1", () => Initialization.Create(spec, seed: 5), new OptimizerSettings(OptimizerKind.Sgd, 0.01), data, BatchSize);
    }
}
