namespace NetOrleans.Bench.Cluster;

/// <summary>
/// The response timeout of the benchmark's silos and clients: creating a network of 100,000 neurons is one call
/// that may take longer than Orleans' default 30 s on a busy 2-core machine. It changes nothing on the hot path.
/// </summary>
public static class LongCalls
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
}
