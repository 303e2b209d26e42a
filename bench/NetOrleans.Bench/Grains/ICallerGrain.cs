namespace NetOrleans.Bench.Grains;

/// <summary>Calls empty grains from inside a grain, as the network grain calls its neurons.</summary>
[Alias("NetOrleans.Bench.ICallerGrain")]
public interface ICallerGrain : IGrainWithIntegerKey
{
    /// <summary>One call after another to one empty grain.</summary>
    [Alias("Sequential")]
    Task Sequential(int calls);

    /// <summary>Rounds of one call to each of <paramref name="width"/> empty grains at once, awaited together.</summary>
    [Alias("FanOut")]
    Task FanOut(int width, int rounds);
}
