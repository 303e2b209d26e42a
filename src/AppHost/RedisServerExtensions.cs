namespace NetOrleans.AppHost;

/// <summary>Redis as a plain executable resource: Debian's redis-server, no container engine needed.</summary>
public static class RedisServerExtensions
{
    /// <summary>The name of Redis's TCP endpoint.</summary>
    public const string Endpoint = "tcp";

    /// <summary>
    /// redis-server on 127.0.0.1 at a port the orchestrator picks, with its append-only file (AOF) in
    /// <paramref name="dataFolder"/>, so that networks, jobs and checkpoints outlive a restart of the AppHost.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var redis = builder.AddExecutable(name, "redis-server", dataFolder)
            .WithEndpoint(scheme: "tcp", name: Endpoint, isProxied: false);
        var port = redis.GetEndpoint(Endpoint).Property(EndpointProperty.TargetPort);
        return redis.WithArgs("--bind", "127.0.0.1", "--port", port, "--dir", dataFolder, "--appendonly", "yes", "--save", "", "--protected-mode", "yes");
    }

    /// <summary>HOST:PORT of <paramref name="redis"/>, as a silo's --redis takes it.</summary>
    public static ReferenceExpression Address(this IResourceBuilder<ExecutableResource> redis) =>
        ReferenceExpression.Create($"127.0.0.1:{redis.GetEndpoint(Endpoint).Property(EndpointProperty.TargetPort)}");
}
