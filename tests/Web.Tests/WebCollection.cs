namespace NetOrleans.Web.Tests;

/// <summary>The API and page tests share one three-silo cluster (and its browser), and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<LiveCluster>
{
    public const string Name = "web";
}
