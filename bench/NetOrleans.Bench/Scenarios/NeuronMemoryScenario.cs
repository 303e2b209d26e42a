using NetOrleans.Bench.Cluster;
using NetOrleans.Bench.Harness;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// A neuron of fan-in 784 in silo memory against its bound, 3 x its parameter bytes + 3 KB (<see cref="NetworkSize.BytesPerNeuron"/>):
/// a 784-N-1 network (relu, Adam) in a silo of its own, the managed heap after full compacting collections before and
/// after creating it, then after two training steps and a checkpoint (theta, Adam's m and v, both checkpoint slots
/// written). Storage as the README's clusters have it: in memory (the storage keeps its copies in the silo, by
/// design), or Redis with --redis HOST:PORT (the silo keeps none).
/// </summary>
public static class NeuronMemoryScenario
{
    private const int FanIn = 784;
    private const int BatchSize = 32;

    public static async Task Run(BenchContext context)
    {
        var n = context.Options.Quick ? 300 : 1000;
        var redis = context.Options.Redis;
        var storage = redis is null ? "memory storage, its copies in the silo" : $"Redis storage at {redis}";
        await using var silo = await InProcessSilo.Start(redis);
        var bound = NetworkSize.BytesPerNeuron(FanIn);
        var spec = NetworkSpec.Create([FanIn, n, 1], "relu", "linear");
        var random = new SeededRandom(3);
        var x = new Doubles(Enumerable.Range(0, BatchSize * FanIn).Select(_ => random.NextDouble()).ToArray());
        var y = new Doubles(Enumerable.Range(0, BatchSize).Select(_ => random.NextDouble()).ToArray());

        // A first network of the same size, kept to the end, grows the runtime's pools and buffers (message pools, the
        // Redis client's buffers) to what such a network needs, so that the second one's delta is its own.
        var warmup = silo.Grains.GetGrain<INetworkGrain>($"bench-neuron-memory-warmup-{Guid.NewGuid():N}");
        await CreateAndTrain(warmup, spec, x, y);

        var network = silo.Grains.GetGrain<INetworkGrain>($"bench-neuron-memory-{Guid.NewGuid():N}");
        var before = Heap.Settled();
        await network.CreateSeeded(spec, seed: 1, Adam, replace: false);
        var created = Heap.Settled();
        context.Add(Row($"{n:N0} neurons of fan-in {FanIn}, as created (Adam, one checkpoint)", n, before, created, bound, storage));

        await Train(network, x, y);
        var trained = Heap.Settled();
        context.Add(Row($"{n:N0} neurons of fan-in {FanIn}, after 2 Adam steps and a checkpoint", n, before, trained, bound, storage));
        await network.Delete();
        await warmup.Delete();
    }

    private static readonly OptimizerSettings Adam = new(OptimizerKind.Adam, 0.001);

    private static async Task CreateAndTrain(INetworkGrain network, NetworkSpec spec, Doubles x, Doubles y)
    {
        await network.CreateSeeded(spec, seed: 1, Adam, replace: false);
        await Train(network, x, y);
    }

    /// <summary>Two steps (every neuron's m and v exist, both checkpoint slots are written) and a checkpoint.</summary>
    private static async Task Train(INetworkGrain network, Doubles x, Doubles y)
    {
        await network.TrainBatch(x, y);
        await network.TrainBatch(x, y);
        await network.Checkpoint();
    }

    private static Row Row(string name, int n, (long Managed, long WorkingSet) before, (long Managed, long WorkingSet) after, long bound, string storage) =>
        new($"memory: {name}", "neuron", Unit.Bytes, (after.Managed - before.Managed) / (double)n, bound,
            $"managed heap per neuron, reference = the bound 3 x {(FanIn + 1) * sizeof(double):N0} B + 3 KB; its parameters are {(FanIn + 1) * sizeof(double):N0} B; " +
            $"working set {Format.Bytes((after.WorkingSet - before.WorkingSet) / (double)n)}/neuron; {storage}");
}
