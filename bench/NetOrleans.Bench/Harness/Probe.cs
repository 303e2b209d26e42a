using System.Diagnostics;

namespace NetOrleans.Bench.Harness;

/// <summary>Reads the clocks and counters at the start of a run; <see cref="Stop"/> gives the differences.</summary>
public sealed class Probe
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _allocated = GC.GetTotalAllocatedBytes(precise: true);
    private readonly int _gen0 = GC.CollectionCount(0);
    private readonly int _gen2 = GC.CollectionCount(2);
    private readonly long _workItems = ThreadPool.CompletedWorkItemCount;
    private readonly long _contentions = Monitor.LockContentionCount;

    private Probe()
    {
    }

    public static Probe Start() => new();

    /// <summary>Times <paramref name="action"/>.</summary>
    public static async Task<RunSample> Time(Func<Task> action)
    {
        var probe = Start();
        await action();
        return probe.Stop();
    }

    /// <summary>Times <paramref name="action"/>.</summary>
    public static RunSample Time(Action action)
    {
        var probe = Start();
        action();
        return probe.Stop();
    }

    public RunSample Stop() => new(
        Stopwatch.GetElapsedTime(_start).TotalSeconds,
        (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds,
        GC.GetTotalAllocatedBytes(precise: true) - _allocated,
        GC.CollectionCount(0) - _gen0,
        GC.CollectionCount(2) - _gen2,
        ThreadPool.CompletedWorkItemCount - _workItems,
        Monitor.LockContentionCount - _contentions);
}
