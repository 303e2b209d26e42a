namespace NetOrleans.Cluster.Tests;

/// <summary>The tests that share one <see cref="ThreeSiloFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ThreeSiloCollection : ICollectionFixture<ThreeSiloFixture>
{
    public const string Name = "three silos";
}
