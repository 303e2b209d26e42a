using NetOrleans.Bench.Harness;

namespace NetOrleans.Bench.Scenarios;

/// <summary>A named part of the benchmark.</summary>
/// <param name="Name">what --scenario takes</param>
/// <param name="Description">for --list</param>
/// <param name="Run">adds its rows to the context's table</param>
/// <param name="ByDefault">run when no --scenario is given</param>
public sealed record Scenario(string Name, string Description, Func<BenchContext, Task> Run, bool ByDefault = true)
{
    /// <summary>Every scenario, in the order they run.</summary>
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("raw", "an empty grain call: sequential (host and grain callers) and fanned out to 64 grains", RawCallScenario.Run),
        new("tutorial", "2-2-1 on gender, 1000 epochs, batch 1: us per sample, host loop and training job", TutorialScenario.Run),
        new("mnist", "784-64-10 and 784-256-10, batch 128, one epoch over 8,000 records (and a job for 784-64-10)", MnistScenario.Run),
        new("growth", "784-{64,1024,4096}-10 at batch {1,32,128,512} on one in-process silo: time per step", GrowthScenario.Run),
        new("memory", "bytes per neuron grain beyond its weights: bare activations and a network's layer", MemoryScenario.Run),
        new("neuron-memory", "a neuron of fan-in 784 in silo memory against 3 x its parameter bytes + 3 KB (--redis HOST:PORT for Redis storage)", NeuronMemoryScenario.Run),
        new("large", "a 1-100000-1 network in one silo: create, memory, one training step", LargeNetworkScenario.Run),
        new("sse", "a training job alone and watched by 20 clients of its event stream (the live page's cost)", SseScenario.Run),
        new("cluster", "separate silo processes on localhost: 1 (headline cell) and 3 (the growth grid)", ClusterScenario.Run),
        new("profile-tutorial", "counters per step, forward only and evaluation: tutorial 2-2-1 batch 1 (opt-in)", ProfileScenario.Tutorial, ByDefault: false),
        new("profile-mnist", "counters per step, forward only and evaluation: MNIST 784-64-10 batch 128 (opt-in)", ProfileScenario.Mnist, ByDefault: false),
    ];
}
