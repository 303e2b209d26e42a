namespace NetOrleans.Cluster.Tests;

/// <summary>The tests that share one <see cref="SmallMessageFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SmallMessageCollection : ICollectionFixture<SmallMessageFixture>
{
    public const string Name = "small messages";
}
