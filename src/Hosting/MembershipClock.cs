using System.Diagnostics;

namespace NetOrleans.Hosting;

/// <summary>
/// The clock Orleans's membership and its watchdog read: the system clock, with timestamps counted from this clock's
/// creation instead of from the machine's start. Orleans 10.4.2's watchdog starts its platform thread before it sets
/// the component check's first timestamp; when that thread looks first (often, on a busy machine), it reads the unset
/// timestamp 0 and warns "Participant check thread has not completed for" the machine's uptime (01:21:09 an hour
/// and a quarter after boot). Counted from here, timestamp 0 is the silo's start, seconds ago, inside the check's 20 s.
/// </summary>
public sealed class MembershipClock : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp() - 1;

    public override long GetTimestamp() => Stopwatch.GetTimestamp() - _origin;
}
