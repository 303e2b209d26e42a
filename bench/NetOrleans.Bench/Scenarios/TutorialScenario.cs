using NetOrleans.Bench.Harness;
using NetOrleans.Bench.Workloads;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// The tutorial: 2-2-1 on gender, 1000 epochs of per-sample SGD (4,000 steps), through the grains (a host loop of
/// TrainBatch, and a training job) and through the reference trainer.
/// </summary>
public static class TutorialScenario
{
    private const int Epochs = 1000;
    private const string NetworkId = "bench-tutorial";

    public static async Task Run(BenchContext context)
    {
        var grains = (await context.Silo()).Grains;
        var workload = Workloads.Workloads.Tutorial();
        var batches = workload.Batches();
        var samples = Epochs * workload.Data.Count;
        var network = await Runs.Create(grains, NetworkId, workload);
        ReferenceNetwork? last = null;

        var (g, r) = await Measure.Pair(
            context,
            "tutorial host loop",
            async () =>
            {
                await Runs.Create(grains, NetworkId, workload);
                return await Probe.Time(() => Runs.Train(network, batches, Epochs));
            },
            () =>
            {
                var reference = last = Runs.Reference(workload);
                return Task.FromResult(Probe.Time(() => Runs.Train(reference, batches, Epochs)));
            });
        var check = await Runs.Compare(network, last!);
        context.Add(new Row(
            "tutorial 2-2-1, batch 1: INetworkGrain.TrainBatch loop from the host", "sample", Unit.Seconds,
            g.Seconds / samples, r.Seconds / samples,
            $"{Epochs} epochs x {workload.Data.Count} samples; {check}; CPU {Format.Number(g.CpuSeconds / r.CpuSeconds)}x reference; " +
            $"{Format.Bytes(g.Median(s => s.AllocatedBytes) / samples)} vs {Format.Bytes(r.Median(s => s.AllocatedBytes) / samples)} allocated/sample; spread {g.Spread:P0}"));
        var step = new RunSample(g.Seconds, g.CpuSeconds, 0, 0, 0, 0, 0).Per(samples);
        context.Measured["tutorial/step"] = step;
        await Overhead.Add(context, "tutorial 2-2-1", step, new RunSample(r.Seconds, r.CpuSeconds, 0, 0, 0, 0, 0).Per(samples), workload.NeuronCallsPerStep);

        var dataId = $"{NetworkId}/data";
        await DataUploader.Upload(grains, dataId, workload.Data);
        var jobs = 0; // a job runs once: every run is a new job
        foreach (var (checkpoints, seconds) in new[] { ("a checkpoint every epoch (the default)", 0.0), ("a checkpoint at most once a second", 1.0) })
        {
            var request = new JobRequest(NetworkId, dataId, null, Epochs, 1, Shuffle: false, Seed: 7, CheckpointSeconds: seconds);
            var job = await Measure.Single(context, $"tutorial job, checkpoint seconds {seconds}", async () =>
            {
                await Runs.Create(grains, NetworkId, workload);
                var probe = Probe.Start();
                var status = await Runs.Job(grains, $"{NetworkId}/job-{++jobs}", request);
                return probe.Stop() with { Seconds = status.Elapsed.TotalSeconds };
            });
            check = await Runs.Compare(network, last!);
            context.Add(new Row(
                $"tutorial 2-2-1, batch 1: training job, {checkpoints}", "sample", Unit.Seconds,
                job.Seconds / samples, r.Seconds / samples,
                $"the job's own clock (the loss a running mean over each epoch, no second pass); {check}; spread {job.Spread:P0}"));
        }
    }
}
