using System.Diagnostics;
using System.Globalization;

namespace NetOrleans.Client.Cli;

/// <summary>
/// The --verbose stopwatch log: when each stage of a command ended, counted from the start of the process (so the
/// runtime's own start is the first line), and how long the stage took, one line each on standard error.
/// </summary>
public sealed class StageClock
{
    private readonly TextWriter? _log;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly TimeSpan _atStart;
    private TimeSpan _last;

    private StageClock(TextWriter? log, TimeSpan atStart)
    {
        _log = log;
        _atStart = atStart;
    }

    /// <summary>A clock that writes nothing.</summary>
    public static StageClock Off { get; } = new(null, TimeSpan.Zero);

    /// <summary>A clock that writes to <paramref name="log"/>, its first line the time from the process's start to now.</summary>
    public static StageClock Start(TextWriter log)
    {
        var clock = new StageClock(log, DateTime.Now - Process.GetCurrentProcess().StartTime);
        clock.Mark("runtime started, Main reached");
        return clock;
    }

    /// <summary>Notes that <paramref name="stage"/> has just ended.</summary>
    public void Mark(string stage)
    {
        if (_log is null)
        {
            return;
        }

        lock (_watch)
        {
            var now = _atStart + _watch.Elapsed;
            var took = now - _last;
            _last = now;
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{now.TotalSeconds,7:F3} s] {took.TotalMilliseconds,7:F1} ms  {stage}"));
        }
    }
}
