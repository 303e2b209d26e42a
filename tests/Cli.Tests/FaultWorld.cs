using System.Text;
using System.Text.RegularExpressions;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// One fault test's world: a Redis with AOF in a folder of its own (or none: localhost clustering), silo processes,
/// the test's own client to follow jobs, and the story of what was done to them, for the test's output.
/// </summary>
public sealed partial class FaultWorld : IAsyncDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(3);

    private readonly TempDirectory _redisFolder;
    private readonly RedisServer? _redis;
    private readonly StringBuilder _story = new();
    private ClusterInspector? _inspector;

    private FaultWorld(TempDirectory redisFolder, RedisServer? redis)
    {
        _redisFolder = redisFolder;
        _redis = redis;
        Cluster = new SiloCluster(redis);
    }

    public SiloCluster Cluster { get; }

    public RedisServer Redis => _redis ?? throw new InvalidOperationException("this world has no Redis");

    /// <summary>`--gateway H:P` for every silo, first to last, as a user would give them.</summary>
    public string[] Gateways => SiloCluster.GatewayArgs(Cluster.Silos);

    /// <summary>What was done, one line each, with the time since the start.</summary>
    public string Story => _story.ToString();

    private DateTime Started { get; } = DateTime.UtcNow;

    public static async Task<FaultWorld> Start(int silos, bool redis = true)
    {
        var folder = new TempDirectory();
        var world = new FaultWorld(folder, redis ? await RedisServer.StartPersistent(folder.Path) : null);
        await world.Cluster.Start(silos);
        world._inspector = await ClusterInspector.Connect(world.Cluster.Silos.Select(s => s.GatewayPort), world.Cluster.ClusterId);
        world.Log($"{silos} silos up{(redis ? $", Redis with AOF on port {world.Redis.Port}" : ", localhost clustering")}");
        return world;
    }

    /// <summary>Starts the fault workload on <paramref name="network"/> detached, and follows its job.</summary>
    public async Task<JobFollower> Detach(string network)
    {
        var started = await Cluster.RunClient([.. FaultWorkload.Current.On(network, "--detach"), .. Gateways]);
        Expect.Success(started);
        var jobId = Assert.Single(started.OutLines, l => l.StartsWith("job-", StringComparison.Ordinal));
        Log($"started {jobId} on network {network}");
        return Follow(jobId);
    }

    public JobFollower Follow(string jobId) => new(_inspector!.Client, jobId);

    /// <summary>The job id an attached `train` names in its first note.</summary>
    public static async Task<string> JobIdOf(ChildProcess train)
    {
        var line = await train.WaitForErrorLine(l => JobId().IsMatch(l), LineTimeout, "the line naming its job");
        return JobId().Match(line).Value;
    }

    /// <summary>SIGKILLs <paramref name="silo"/> and starts it again on the same ports.</summary>
    public async Task KillAndRestart(SiloProcess silo, string why)
    {
        Log($"{why}: SIGKILL {silo.Name} (pid {silo.Process.Id})");
        var again = await Cluster.Restart(silo);
        Log($"{again.Name} up again on the same ports (pid {again.Process.Id})");
    }

    public void Log(string line) => _story.AppendLine($"[{(DateTime.UtcNow - Started).TotalSeconds,6:F1} s] {line}");

    public async ValueTask DisposeAsync()
    {
        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }

        await Cluster.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _redisFolder.Dispose();
    }

    [GeneratedRegex("job-[0-9a-f]{8}")]
    private static partial Regex JobId();
}
