namespace NetOrleans.Grains.Interfaces;

/// <summary>The cluster's list of networks and training jobs, key <see cref="Key"/>.</summary>
[Alias("NetOrleans.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    /// <summary>The one catalog's key.</summary>
    const string Key = "catalog";

    [Alias("AddNetwork")]
    Task AddNetwork(string id);

    [Alias("RemoveNetwork")]
    Task RemoveNetwork(string id);

    /// <summary>Network ids, in order of creation.</summary>
    [Alias("Networks")]
    Task<string[]> Networks();

    [Alias("AddJob")]
    Task AddJob(string id);

    /// <summary>Job ids, in order of creation.</summary>
    [Alias("Jobs")]
    Task<string[]> Jobs();
}
