using NetOrleans.Bench.Harness;
using NetOrleans.Bench.Workloads;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// One cell of the growth grid: 784-hidden-10 (relu, softmax, cross-entropy) trained on one batch of the first B
/// MNIST records, a few steps per run, on the grains of a cluster and on the reference.
/// </summary>
/// <param name="Hidden">neurons in the hidden layer</param>
/// <param name="BatchSize">B</param>
public sealed record GrowthCell(int Hidden, int BatchSize)
{
    public string Name => $"784-{Hidden}-10, batch {BatchSize}";

    public string Key => $"growth/{Hidden}/{BatchSize}";

    /// <summary>Floating-point operations of one step: forward, the gradient and the upstream gradient, 2 flops each.</summary>
    public double Flops => 6.0 * BatchSize * (784 * Hidden + Hidden * 10);

    /// <summary>
    /// Bytes of X that leave the network's silo per step when the neurons spread: one copy to each other silo (its
    /// relay passes X on to its neurons), or one per neuron on another silo when a silo has a lone neuron.
    /// </summary>
    public double CrossSiloBytes(int silos) => (silos - 1.0) * BatchSize * 784 * sizeof(double);

    /// <summary>Steps per run: about 0.3 s of reference arithmetic, at least 1, at most 200.</summary>
    public int Steps => (int)Math.Clamp(Math.Round(0.6e9 / Flops), 1, 200);

    /// <summary>Measures the cell; <paramref name="describe"/> runs while the network still exists and adds to the note.</summary>
    /// <returns>the grain and reference step medians</returns>
    public async Task<(RunSample Grains, RunSample Reference, string Note)> Run(
        BenchContext context, IGrainFactory grains, string where, int steps, Func<Task<string>>? describe = null)
    {
        var workload = Workloads.Workloads.Mnist(Hidden, BatchSize, rows: BatchSize);
        var batches = workload.Batches();
        var id = $"bench-growth-{Hidden}-{BatchSize}";
        var network = await Runs.Create(grains, id, workload);
        var reference = Runs.Reference(workload);
        var (g, r) = await Measure.Pair(
            context,
            $"{Name}, {where}",
            () => Probe.Time(() => Runs.Train(network, batches, steps)),
            () => Task.FromResult(Probe.Time(() => Runs.Train(reference, batches, steps))),
            Math.Min(context.Options.Runs, 3));
        var note = describe is null ? "" : await describe();
        await network.Delete();
        var grainStep = new RunSample(g.Seconds, g.CpuSeconds, (long)g.Median(s => s.AllocatedBytes), 0, 0, 0, 0).Per(steps);
        var referenceStep = new RunSample(r.Seconds, r.CpuSeconds, (long)r.Median(s => s.AllocatedBytes), 0, 0, 0, 0).Per(steps);
        return (grainStep, referenceStep, $"{steps} steps/run; {Format.Seconds(grainStep.Seconds / BatchSize)}/sample; spread {g.Spread:P0}{note}");
    }
}
