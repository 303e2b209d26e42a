using NetOrleans.Bench.Harness;
using NetOrleans.Bench.Workloads;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// MNIST 784-64-10 and 784-256-10, relu/softmax cross-entropy, batch 128: one epoch over the 8,000 training records
/// (63 steps), through a host loop of TrainBatch (and, for 784-64-10, a training job) and through the reference.
/// </summary>
public static class MnistScenario
{
    private const int BatchSize = 128;

    public static async Task Run(BenchContext context)
    {
        var grains = (await context.Silo()).Grains;
        foreach (var hidden in new[] { 64, 256 })
        {
            var workload = Workloads.Workloads.Mnist(hidden, BatchSize);
            var batches = workload.Batches();
            var id = $"bench-mnist-{hidden}";
            var network = await Runs.Create(grains, id, workload);
            ReferenceNetwork? last = null;
            var (g, r) = await Measure.Pair(
                context,
                $"{workload.Name} host loop",
                async () =>
                {
                    await Runs.Create(grains, id, workload);
                    return await Probe.Time(() => Runs.Train(network, batches));
                },
                () =>
                {
                    var reference = last = Runs.Reference(workload);
                    return Task.FromResult(Probe.Time(() => Runs.Train(reference, batches)));
                });
            var check = await Runs.Compare(network, last!);
            context.Add(new Row(
                $"{workload.Name}, batch {BatchSize}: TrainBatch loop from the host", "epoch", Unit.Seconds, g.Seconds, r.Seconds,
                $"{batches.Count} steps over {workload.Data.Count} records; {check}; CPU {Format.Number(g.CpuSeconds / r.CpuSeconds)}x reference; " +
                $"{Format.Bytes(g.Median(s => s.AllocatedBytes) / batches.Count)} vs {Format.Bytes(r.Median(s => s.AllocatedBytes) / batches.Count)} allocated/step; spread {g.Spread:P0}"));
            var grainStep = new RunSample(g.Seconds, g.CpuSeconds, 0, 0, 0, 0, 0).Per(batches.Count);
            var referenceStep = new RunSample(r.Seconds, r.CpuSeconds, 0, 0, 0, 0, 0).Per(batches.Count);
            context.Measured[$"mnist/{hidden}/step"] = grainStep;
            context.Measured[$"mnist/{hidden}/reference-step"] = referenceStep;
            await Overhead.Add(context, workload.Name, grainStep, referenceStep, workload.NeuronCallsPerStep);

            if (hidden == 64)
            {
                await Job(context, grains, workload, id, r, last!);
            }

            await network.Delete();
        }
    }

    private static async Task Job(BenchContext context, IGrainFactory grains, Workload workload, string id, Series reference, ReferenceNetwork last)
    {
        var dataId = $"{id}/data";
        await DataUploader.Upload(grains, dataId, workload.Data);
        var request = new JobRequest(id, dataId, null, 1, BatchSize, Shuffle: false, Seed: 1);
        var jobs = 0; // a job runs once: every run is a new job
        var job = await Measure.Single(context, $"{workload.Name} job", async () =>
        {
            await Runs.Create(grains, id, workload);
            var probe = Probe.Start();
            var status = await Runs.Job(grains, $"{id}/job-{++jobs}", request);
            return probe.Stop() with { Seconds = status.Elapsed.TotalSeconds };
        });
        var check = await Runs.Compare(grains.GetGrain<NetOrleans.Grains.Interfaces.INetworkGrain>(id), last);
        context.Add(new Row(
            $"{workload.Name}, batch {BatchSize}: training job", "epoch", Unit.Seconds, job.Seconds, reference.Seconds,
            $"the job's own clock: one epoch (loss and accuracy as running means, no second pass) and the job's closing checkpoint; {check}; spread {job.Spread:P0}"));
    }
}
