using NetOrleans.Bench.Harness;

namespace NetOrleans.Bench.Scenarios;

/// <summary>
/// The per-neuron-call overhead of a training step: (grain step - reference step) / neuron calls per step,
/// as a ratio to a fanned-out empty grain call.
/// </summary>
public static class Overhead
{
    /// <param name="grains">one grain step (median)</param>
    /// <param name="reference">one reference step (median)</param>
    /// <param name="calls">neuron grain calls per step</param>
    public static async Task Add(BenchContext context, string name, RunSample grains, RunSample reference, int calls)
    {
        var empty = await RawCallScenario.FanOut(context);
        var wall = (grains.Seconds - reference.Seconds) / calls;
        var cpu = (grains.CpuSeconds - reference.CpuSeconds) / calls;
        context.Add(new Row(
            $"{name}: overhead per neuron call, wall", "call", Unit.Seconds, wall, empty.Seconds,
            $"(grain - reference step wall time) / {calls} calls; reference column = a fanned-out empty call's wall time; both cores work on the grain side"));
        context.Add(new Row(
            $"{name}: overhead per neuron call, CPU", "call", Unit.Seconds, cpu, empty.CpuSeconds,
            $"(grain - reference step process CPU) / {calls} calls; reference column = a fanned-out empty call's CPU"));
    }
}
