using NetOrleans.Grains.Interfaces.Faults;

namespace NetOrleans.Grains.Jobs;

/// <summary>How a job reads what went wrong: which failures a rollback to the last checkpoint mends, and how to say it in one line.</summary>
internal static class JobFaults
{
    /// <summary>The longest reason a job's status carries.</summary>
    private const int MaxReason = 200;

    /// <summary>
    /// True for what a rollback to the last checkpoint mends: a lost silo, a neuron out of step, a timeout, storage
    /// that went away. False for what it cannot: bad input, divergence, a network that is gone or held by another job,
    /// a checkpoint that cannot be read back, and a newer run of the same job.
    /// </summary>
    public static bool Mendable(Exception e) =>
        e is not (ArgumentException or KeyNotFoundException or ArithmeticException or StaleRunException or OperationCanceledException)
        && e.GetType() != typeof(InvalidOperationException);

    /// <summary>
    /// One short line: the exception's name and the first sentence of its message, without the diagnostic dumps some
    /// client libraries append (StackExchange.Redis's connection counters, for one); those stay in the silo's log.
    /// </summary>
    public static string Describe(Exception e)
    {
        var inner = e;
        while (inner is AggregateException { InnerException: { } next })
        {
            inner = next;
        }

        var message = inner.Message.ReplaceLineEndings(" ");
        foreach (var cut in new[] { "; It was not possible", ", mc:", ", inst:", ", serverEndpoint:", " IOCP:", " (Please take a look" })
        {
            var at = message.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        if (message.Length > MaxReason)
        {
            message = message[..MaxReason] + "...";
        }

        var storage = Chain(e).Any(x => x.GetType().Namespace?.StartsWith("StackExchange.Redis", StringComparison.Ordinal) == true) ? "storage (Redis): " : "";
        return $"{storage}{inner.GetType().Name}: {message.Trim()}";
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
