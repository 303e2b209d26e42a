using NetOrleans.Bench.Grains;
using NetOrleans.Bench.Harness;
using NetOrleans.Core.Activations;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// Memory per neuron grain beyond its weights and optimizer state: the managed heap (after full collections) and
/// the working set before and after activating N neurons of fan-in 1, set up directly (no storage) and as a
/// network (whose creation checkpoints every neuron into the in-memory grain storage).
/// </summary>
public static class MemoryScenario
{
    /// <summary>A fan-in-1 neuron's own data: its theta array [w, b] (24 + 16 B) and its SGD optimizer state object (40 B).</summary>
    public const int OwnBytes = 80;

    public static async Task Run(BenchContext context)
    {
        var grains = (await context.Silo()).Grains;
        var n = context.Options.Quick ? 5_000 : 20_000;
        var optimizer = new OptimizerSettings(OptimizerKind.Sgd, 0.1, 0.9, 0.9, 0.999, 1e-8);

        var before = Heap.Settled();
        for (var start = 0; start < n; start += 1000)
        {
            await Task.WhenAll(Enumerable.Range(1_000_000 + start, Math.Min(1000, n - start)).Select(j => grains.GetGrain<IEmptyGrain>(j).Ping()));
        }

        var after = Heap.Settled();
        context.Add(Row($"{n:N0} empty grains (bench-only, no state): Orleans' own floor", n, before, after, 0, "an activation with no fields and no storage", ownBytes: 0));

        before = Heap.Settled();
        for (var start = 0; start < n; start += 1000)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(1000, n - start)).Select(j =>
                grains.GetGrain<INeuronGrain>(NeuronKeys.Of("bench-memory-bare", 1, j))
                    .Initialize(new NeuronSetup(ActivationKind.Sigmoid, [0.5, 0.1], optimizer, ReturnsSignal: false))));
        }

        after = Heap.Settled();
        context.Add(Row($"{n:N0} neuron grains, Initialize only", n, before, after, 0, "no storage"));

        before = Heap.Settled();
        var network = await LargeNetworkScenario.Create(grains, "bench-memory-network", n);
        after = Heap.Settled();
        context.Add(Row($"{n:N0}-neuron layer of a network (1-{n}-1)", n, before, after, 2 * (n + 1) * sizeof(double),
            "incl. the network grain's reference to each neuron and its checkpoint in memory storage"));
        await network.Delete();
    }

    /// <param name="extraBytes">weights outside the N neurons (the output neuron's, here and in storage) to subtract</param>
    /// <param name="ownBytes">what each grain holds that is not overhead (a neuron's weights and optimizer state)</param>
    public static Row Row(
        string name, int n, (long Managed, long WorkingSet) before, (long Managed, long WorkingSet) after, long extraBytes, string note, int ownBytes = OwnBytes)
    {
        var managed = (after.Managed - before.Managed - extraBytes) / (double)n - ownBytes;
        var workingSet = (after.WorkingSet - before.WorkingSet - extraBytes) / (double)n - ownBytes;
        return new Row($"memory: {name}", "grain", Unit.Bytes, managed, null,
            $"managed heap beyond its own {ownBytes} B of weights and SGD state; working set {Format.Bytes(workingSet)}/grain; {note}");
    }
}
