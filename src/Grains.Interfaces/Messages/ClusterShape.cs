namespace NetOrleans.Grains.Interfaces.Messages;

/// <summary>How a cluster keeps its membership, as a client needs to know it to explain a loss.</summary>
/// <param name="Clustering">"localhost" (one primary silo holds the membership) or "redis"</param>
/// <param name="Primary">the primary silo's endpoint (HOST:PORT) of localhost clustering, else null</param>
[GenerateSerializer, Immutable, Alias("NetOrleans.ClusterShape")]
public sealed record ClusterShape(string Clustering, string? Primary)
{
    public const string Localhost = "localhost";

    public const string Redis = "redis";
}
