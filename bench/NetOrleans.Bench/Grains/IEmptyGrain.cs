namespace NetOrleans.Bench.Grains;

/// <summary>A grain that does nothing: the cost of a call and nothing else.</summary>
[Alias("NetOrleans.Bench.IEmptyGrain")]
public interface IEmptyGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task Ping();
}
