namespace NetOrleans.Grains.Interfaces.Faults;

/// <summary>
/// What a user reads of a failure: one short line, the exception's name and the first part of its message, without
/// stack frames or the diagnostic dumps some client libraries append (StackExchange.Redis's connection counters, for
/// one); those stay in the silo's log.
/// </summary>
public static class FaultText
{
    /// <summary>The longest reason a line carries.</summary>
    public const int MaxLength = 320;

    private static readonly string[] Cuts =
    [
        "; It was not possible", ", mc:", ", inst:", ", serverEndpoint:", " IOCP:", " (Please take a look", "   at ", " --->", "   Exc level",
    ];

    /// <summary>"TypeName: message" in one line, the innermost of aggregate wrappers, "storage (Redis): " first when Redis failed.</summary>
    public static string Describe(Exception e)
    {
        var inner = e;
        while (inner is AggregateException { InnerException: { } next })
        {
            inner = next;
        }

        var storage = Chain(e).Any(x => x.GetType().Namespace?.StartsWith("StackExchange.Redis", StringComparison.Ordinal) == true) ? "storage (Redis): " : "";
        return $"{storage}{inner.GetType().Name}: {OneLine(inner.Message)}";
    }

    /// <summary>The message in one line, cut before the first stack frame or diagnostic dump, and at most <paramref name="maxLength"/> characters.</summary>
    public static string OneLine(string message, int maxLength = MaxLength)
    {
        var line = message.ReplaceLineEndings(" ");
        foreach (var cut in Cuts)
        {
            var at = line.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0)
            {
                line = line[..at];
            }
        }

        line = line.Trim();
        return line.Length > maxLength ? line[..maxLength] + "..." : line;
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
