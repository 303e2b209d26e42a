using NetOrleans.Bench.Harness;
using NetOrleans.Bench.Workloads;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// Where the time goes on the two headline paths (MNIST 784-64-10 batch 128, the tutorial's 2-2-1 batch 1):
/// per step, the wall and CPU time, bytes allocated, collections, thread-pool work items and lock contentions of the
/// whole process, grains against reference; the forward pass alone (Predict); and the evaluation a job does per epoch.
/// </summary>
public static class ProfileScenario
{
    public static async Task Tutorial(BenchContext context) =>
        await Profile(context, (await context.Silo()).Grains, Workloads.Workloads.Tutorial(), "bench-profile-tutorial", epochs: 1000, evaluationRows: 4);

    public static async Task Mnist(BenchContext context) =>
        await Profile(context, (await context.Silo()).Grains, Workloads.Workloads.Mnist(64, 128), "bench-profile-mnist", epochs: 1, evaluationRows: 1024);

    private static async Task Profile(BenchContext context, IGrainFactory grains, Workload workload, string id, int epochs, int evaluationRows)
    {
        var batches = workload.Batches();
        var steps = epochs * batches.Count;
        var name = $"{workload.Name} b{workload.BatchSize}";
        var network = await Runs.Create(grains, id, workload);
        var reference = Runs.Reference(workload);

        var (g, r) = await Measure.Pair(
            context,
            $"profile {name} train",
            () => Probe.Time(() => Runs.Train(network, batches, epochs)),
            () => Task.FromResult(Probe.Time(() => Runs.Train(reference, batches, epochs))));
        AddCounters(context, $"{name} train step", g, r, steps);

        var (fg, fr) = await Measure.Pair(
            context,
            $"profile {name} forward",
            () => Probe.Time(async () =>
            {
                for (var e = 0; e < epochs; e++)
                {
                    foreach (var batch in batches)
                    {
                        await network.Predict(batch.X);
                    }
                }
            }),
            () => Task.FromResult(Probe.Time(() =>
            {
                for (var e = 0; e < epochs; e++)
                {
                    foreach (var batch in batches)
                    {
                        reference.Predict(batch.X.Value);
                    }
                }
            })));
        AddCounters(context, $"{name} forward only (Predict)", fg, fr, steps);

        // What a training job adds after each epoch: the loss over the training set, in Predict calls of 1024 rows.
        var chunks = Enumerable.Range(0, (workload.Data.Count + evaluationRows - 1) / evaluationRows)
            .Select(c => workload.Data.X[(c * evaluationRows * workload.Data.Features)..(Math.Min(workload.Data.Count, (c + 1) * evaluationRows) * workload.Data.Features)])
            .ToArray();
        var (eg, er) = await Measure.Pair(
            context,
            $"profile {name} evaluation",
            () => Probe.Time(async () =>
            {
                foreach (var chunk in chunks)
                {
                    await network.Predict(chunk);
                }
            }),
            () => Task.FromResult(Probe.Time(() =>
            {
                foreach (var chunk in chunks)
                {
                    reference.Predict(chunk);
                }
            })));
        context.Add(new Row($"{name}: evaluation of the training set, once", "epoch", Unit.Seconds, eg.Seconds, er.Seconds,
            $"{chunks.Length} Predict call(s); the train-step epoch is {Format.Seconds(g.Seconds / epochs)} grains, {Format.Seconds(r.Seconds / epochs)} reference"));

        // What a job also adds: a checkpoint of every neuron into the grain storage (memory storage here).
        var checkpoint = await Measure.Single(context, $"profile {name} checkpoint", () => Probe.Time(() => network.Checkpoint()));
        context.Add(new Row($"{name}: INetworkGrain.Checkpoint (memory storage)", "checkpoint", Unit.Seconds, checkpoint.Seconds, null,
            $"{Format.Bytes(checkpoint.Median(s => s.AllocatedBytes))} allocated; a job checkpoints after every epoch (--checkpoint-seconds 0, the default) and after its last"));
        await network.Delete();
    }

    private static void AddCounters(BenchContext context, string name, Series g, Series r, int steps)
    {
        context.Add(new Row($"{name}: wall", "step", Unit.Seconds, g.Seconds / steps, r.Seconds / steps, $"spread {g.Spread:P0} / {r.Spread:P0}"));
        context.Add(new Row($"{name}: CPU (process)", "step", Unit.Seconds, g.CpuSeconds / steps, r.CpuSeconds / steps, "every thread of the process"));
        context.Add(new Row($"{name}: allocated", "step", Unit.Bytes,
            g.Median(s => s.AllocatedBytes) / steps, r.Median(s => s.AllocatedBytes) / steps, "GC.GetTotalAllocatedBytes, every thread"));
        context.Add(new Row($"{name}: gen-0 collections", "1000 steps", Unit.Count,
            g.Median(s => s.Gen0) * 1000.0 / steps, r.Median(s => s.Gen0) * 1000.0 / steps, $"gen-2: {g.Median(s => s.Gen2)} vs {r.Median(s => s.Gen2)} per run"));
        context.Add(new Row($"{name}: thread-pool work items", "step", Unit.Count,
            g.Median(s => s.WorkItems) / steps, r.Median(s => s.WorkItems) / steps, "ThreadPool.CompletedWorkItemCount"));
        context.Add(new Row($"{name}: lock contentions", "step", Unit.Count,
            g.Median(s => s.LockContentions) / steps, r.Median(s => s.LockContentions) / steps, "Monitor.LockContentionCount"));
    }
}
