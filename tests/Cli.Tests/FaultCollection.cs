namespace NetOrleans.Cli.Tests;

/// <summary>The fault tests run one at a time: each has a cluster and a Redis of its own, and they share two cores.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection
{
    public const string Name = "faults";
}
