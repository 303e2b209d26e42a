namespace NetOrleans.Grains.State;

/// <summary>The ids of every network and job, in order of creation.</summary>
[GenerateSerializer, Alias("NetOrleans.CatalogState")]
public sealed class CatalogState
{
    [Id(0)] public List<string> Networks { get; set; } = [];

    [Id(1)] public List<string> Jobs { get; set; } = [];
}
