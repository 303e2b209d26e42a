namespace NetOrleans.Cli.Tests;

/// <summary>One silo process of a <see cref="RedisCluster"/>: its process and its two loopback ports.</summary>
public sealed record SiloProcess(string Name, ChildProcess Process, int SiloPort, int GatewayPort)
{
    /// <summary>The --gateway argument for this silo.</summary>
    public string Gateway => $"127.0.0.1:{GatewayPort}";
}
