namespace NetOrleans.Cli.Tests;

/// <summary>The tests that share one silo process, <see cref="SiloFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo process";
}
