using Xunit.Abstractions;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// Silo processes with real Redis (membership, grain state, reminders): a trained network outlives every silo, and a
/// job outlives the silo that ran it.
/// </summary>
public sealed class RedisClusterTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[][] Flowers = [["5.1", "3.5", "1.4", "0.2"], ["6.0", "2.9", "4.5", "1.5"], ["6.3", "2.8", "5.1", "1.5"], ["6.7", "3.0", "5.2", "2.3"]];

    [Fact]
    public async Task A_trained_network_predicts_exactly_as_before_after_every_silo_is_replaced()
    {
        await using var cluster = new SiloCluster(redis);
        var first = await cluster.Start(2);
        var train = await cluster.RunClient([
            "train", "--data", "iris", "--layers", "4,8,3", "--activation", "tanh", "--scale", "standard", "--epochs", "20",
            "--batch-size", "8", "--optimizer", "adam", "--lr", "0.01", "--seed", "3", "--network", "kept", .. SiloCluster.GatewayArgs(first)]);
        Expect.Success(train);
        var before = await Describe(cluster, first);

        await cluster.StopAll();
        Assert.Empty(cluster.Running);
        var second = await cluster.Start(2);
        var after = await Describe(cluster, second);

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_job_whose_silo_is_killed_resumes_and_ends_with_the_weights_of_an_uninterrupted_run()
    {
        await using var cluster = new SiloCluster(redis);
        var silos = await cluster.Start(3);
        string[] command = [
            "train", "--data", "iris", "--layers", "4,32,3", "--activation", "relu", "--output", "softmax", "--scale", "standard",
            "--epochs", "300", "--batch-size", "8", "--optimizer", "adam", "--lr", "0.01", "--seed", "5"];
        var detached = await cluster.RunClient([.. command, "--network", "interrupted", "--detach", .. SiloCluster.GatewayArgs(silos)]);
        var jobId = Assert.Single(detached.OutLines, l => l.StartsWith("job-", StringComparison.Ordinal));

        // The victim: the silo that runs the job's grain (the network's neurons are spread over all three as well).
        int? jobSilo;
        await using (var inspector = await ClusterInspector.Connect(silos.Select(s => s.GatewayPort), cluster.ClusterId))
        {
            jobSilo = await inspector.SiloPortOfJob(jobId);
        }

        var victim = Assert.Single(silos, s => s.SiloPort == jobSilo);
        var survivors = silos.Where(s => s != victim).ToArray();

        // Watch through the surviving gateways; kill the victim once the job has printed its first tenth of the epochs.
        await using var watch = cluster.StartClient("jobs watch", ["jobs", "watch", jobId, .. SiloCluster.GatewayArgs(survivors)]);
        // (That the kill interrupted the job shows in its recoveries below.)
        await watch.WaitForLine(l => l.StartsWith("epoch", StringComparison.Ordinal), WatchTimeout, "its first epoch line");
        victim.Process.Kill();

        var exit = await watch.WaitForExit(WatchTimeout);
        output.WriteLine($"killed {victim.Name} (pid {victim.Process.Id}), which ran {jobId}; `netorleans jobs watch` through the others printed:\n{watch.Log}");
        Assert.True(exit == 0, $"jobs watch should end with the job Completed (exit code 0), got {exit}:\n{watch.Log}\n{cluster.Logs}");
        Assert.Contains($"{jobId}  interrupted  Completed  epoch 300/300", watch.Log, StringComparison.Ordinal);
        await using (var inspector = await ClusterInspector.Connect(survivors.Select(s => s.GatewayPort), cluster.ClusterId))
        {
            var final = await inspector.Status(jobId);
            Assert.True(final.Recoveries >= 1, $"the job should have gone back to a checkpoint after losing its silo: {final}\n{cluster.Logs}");
        }

        Expect.Success(await cluster.RunClient(["networks", "export", "interrupted", "interrupted.json", .. SiloCluster.GatewayArgs(survivors)]));
        Expect.Success(await cluster.RunClient([.. command, "--network", "uninterrupted", "--out", "uninterrupted.json", .. SiloCluster.GatewayArgs(survivors)]));
        var interrupted = await File.ReadAllTextAsync(Path.Combine(cluster.Folder, "interrupted.json"));
        var uninterrupted = await File.ReadAllTextAsync(Path.Combine(cluster.Folder, "uninterrupted.json"));
        Assert.Equal(uninterrupted, interrupted);
    }

    /// <summary>The network "kept" as the console shows it: its line in `networks list` and its predictions for <see cref="Flowers"/>.</summary>
    private static async Task<string> Describe(SiloCluster cluster, IEnumerable<SiloProcess> silos)
    {
        var gateways = SiloCluster.GatewayArgs(silos);
        var list = await cluster.RunClient(["networks", "list", .. gateways]);
        Expect.Success(list);
        var lines = new List<string> { Assert.Single(list.OutLines, l => l.StartsWith("kept ", StringComparison.Ordinal)) };
        foreach (var flower in Flowers)
        {
            var predict = await cluster.RunClient(["predict", "--network", "kept", .. flower, .. gateways]);
            Expect.Success(predict);
            lines.Add($"{string.Join(' ', flower)}: {string.Join(' ', predict.OutLines)}");
        }

        return string.Join('\n', lines);
    }
}
