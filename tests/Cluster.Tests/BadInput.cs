namespace NetOrleans.Cluster.Tests;

/// <summary>
/// One row of the bad-input table: a request that must be refused with exactly <see cref="Error"/>, whose message
/// holds every one of <see cref="Fragments"/> (the problem and where it is), and after which the world looks the same.
/// </summary>
/// <param name="Name">the row's name, unique in the table</param>
/// <param name="Error">the exact exception type expected (a subclass does not count)</param>
/// <param name="Fragments">parts the message must contain; "{net}" stands for the world's network id, "{row}" for the row's own ids</param>
/// <param name="Act">the bad request</param>
public sealed record BadInput(string Name, Type Error, string[] Fragments, Func<BadInputWorld, Task> Act)
{
    /// <summary>What the row needs before the "before" snapshot: its own networks, data sets, jobs or a pending pass.</summary>
    public Func<BadInputWorld, Task>? Arrange { get; init; }

    /// <summary>Checks after the snapshots were compared: a pass that must still be there, an id that must not exist.</summary>
    public Func<BadInputWorld, Task>? After { get; init; }

    /// <summary>The row's own networks (names given to <see cref="BadInputWorld.Scratch"/>) compared before and after, as the world is.</summary>
    public string[] Watch { get; init; } = [];

    /// <summary>A row that must end in <typeparamref name="TError"/> with all of <paramref name="fragments"/> in its message.</summary>
    public static BadInput Of<TError>(string name, Func<BadInputWorld, Task> act, params string[] fragments)
        where TError : Exception => new(name, typeof(TError), fragments, act);

    /// <summary>The same for a synchronous request (a file reader).</summary>
    public static BadInput OfFile<TError>(string name, Action<BadInputWorld> act, params string[] fragments)
        where TError : Exception => new(name, typeof(TError), fragments, w =>
        {
            act(w);
            return Task.CompletedTask;
        });

    public override string ToString() => Name;
}
