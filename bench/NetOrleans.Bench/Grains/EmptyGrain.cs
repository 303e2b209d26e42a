namespace NetOrleans.Bench.Grains;

public sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task Ping() => Task.CompletedTask;
}
