namespace NetOrleans.Bench.Grains;

public sealed class CallerGrain : Grain, ICallerGrain
{
    public async Task Sequential(int calls)
    {
        var target = GrainFactory.GetGrain<IEmptyGrain>(0);
        for (var i = 0; i < calls; i++)
        {
            await target.Ping();
        }
    }

    public async Task FanOut(int width, int rounds)
    {
        var targets = Enumerable.Range(1, width).Select(i => GrainFactory.GetGrain<IEmptyGrain>(i)).ToArray();
        var calls = new Task[width];
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < width; i++)
            {
                calls[i] = targets[i].Ping();
            }

            await Task.WhenAll(calls);
        }
    }
}
