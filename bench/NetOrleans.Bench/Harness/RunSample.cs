namespace NetOrleans.Bench.Harness;

/// <summary>What one timed run cost: wall time, process CPU time, and process-wide GC and thread-pool counts.</summary>
/// <param name="Seconds">wall-clock seconds</param>
/// <param name="CpuSeconds">CPU seconds of the whole process (every thread, the silo's included)</param>
/// <param name="AllocatedBytes">bytes allocated by every thread</param>
/// <param name="Gen0">gen-0 collections</param>
/// <param name="Gen2">gen-2 collections</param>
/// <param name="WorkItems">thread-pool work items completed</param>
/// <param name="LockContentions">contended Monitor locks</param>
public readonly record struct RunSample(double Seconds, double CpuSeconds, long AllocatedBytes, int Gen0, int Gen2, long WorkItems, long LockContentions)
{
    /// <summary>This run divided by <paramref name="n"/> (steps, samples, calls).</summary>
    public RunSample Per(double n) => new(
        Seconds / n, CpuSeconds / n, (long)(AllocatedBytes / n), Gen0, Gen2, (long)(WorkItems / n), (long)(LockContentions / n));
}
