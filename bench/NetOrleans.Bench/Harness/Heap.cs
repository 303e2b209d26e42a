using System.Diagnostics;

namespace NetOrleans.Bench.Harness;

/// <summary>The managed heap after full, compacting collections, and the process's working set.</summary>
public static class Heap
{
    public static (long Managed, long WorkingSet) Settled()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
