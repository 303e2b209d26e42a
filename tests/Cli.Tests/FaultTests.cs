using Xunit.Abstractions;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// Faults the way they happen, on silo processes and a real Redis: silos SIGKILLed right after an epoch, again and again,
/// also with busy loops on every core; kills at random moments; silo 1 killed; Redis killed and restarted; Redis gone
/// for good; the primary of a localhost cluster killed. Each ends with exactly the weights of an undisturbed run, or
/// with one line that says why not. The workload is <see cref="FaultWorkload.Current"/> (small in CI; scripts/faults.sh
/// runs the full one).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultTests(UndisturbedRun undisturbed, ITestOutputHelper output) : IClassFixture<UndisturbedRun>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(10);

    private static FaultWorkload Workload => FaultWorkload.Current;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Five_kills_right_after_an_epoch_end_with_the_undisturbed_weights(bool contention)
    {
        await using var hog = contention ? new CpuHog(Environment.ProcessorCount) : null;
        await using var world = await FaultWorld.Start(silos: 3);
        var job = await world.Detach("faulty");
        var seen = 0;
        for (var kill = 1; kill <= 5; kill++)
        {
            var status = await job.After(seen, JobTimeout);
            Assert.False(status.IsFinished, $"the job finished after {kill - 1} kills: the workload is too small for this machine");
            seen = status.Epoch;
            await world.KillAndRestart(world.Cluster.Silos[kill % 2 == 1 ? 1 : 2], $"kill {kill} after epoch {seen}");
        }

        await AssertUndisturbed(world, job, "faulty", minRollbacks: 1);
    }

    [Fact]
    public async Task Kills_at_random_moments_end_with_the_undisturbed_weights()
    {
        await using var world = await FaultWorld.Start(silos: 3);
        var job = await world.Detach("random");
        var moments = new Random(2026);
        await job.After(0, JobTimeout);
        for (var kill = 1; kill <= 4; kill++)
        {
            // The fault schedule itself: kills 0.2 to 2 s apart, wherever the job happens to be.
            await Task.Delay(TimeSpan.FromMilliseconds(200 + moments.Next(1800)));
            await world.KillAndRestart(world.Cluster.Silos[moments.Next(3)], $"random kill {kill}");
        }

        await AssertUndisturbed(world, job, "random", minRollbacks: 1);
    }

    [Fact]
    public async Task Redis_killed_and_restarted_mid_job_pauses_the_job_which_then_ends_with_the_undisturbed_weights()
    {
        await using var world = await FaultWorld.Start(silos: 3);
        await using var train = world.Cluster.StartClient("train", [.. Workload.On("redis-restart"), .. world.Gateways]);
        var job = world.Follow(await FaultWorld.JobIdOf(train));
        await job.After(2, JobTimeout);
        world.Redis.Kill();
        world.Log("killed redis-server");
        var paused = await job.Until(s => s.Notice is not null || s.IsFinished, JobTimeout, "a pause for its storage");
        await world.Redis.Restart();
        world.Log($"restarted redis-server; the job said: {paused.Notice}");

        var exit = await train.WaitForExit(JobTimeout);
        output.WriteLine(world.Story + train.Log);
        Assert.True(exit == 0, $"train should succeed, got exit code {exit}:\n{train.Log}\n{world.Cluster.Logs}");
        Assert.Single(train.Log.Split('\n'), l => l.Contains("paused: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", train.Log, StringComparison.Ordinal);
        await AssertSameWeights(world, "redis-restart");
    }

    [Fact]
    public async Task Redis_gone_for_good_fails_the_job_in_one_line_after_the_storage_timeout_and_the_silos_stay_up()
    {
        await using var world = await FaultWorld.Start(silos: 3);
        await using var train = world.Cluster.StartClient("train", [.. Workload.On("redis-gone", "--storage-timeout", "5"), .. world.Gateways]);
        var job = world.Follow(await FaultWorld.JobIdOf(train));
        await job.After(2, JobTimeout);
        world.Redis.Kill();
        world.Log("killed redis-server for good");

        var line = await OneFailureLine(world, train);
        Assert.Contains("has not answered for 5 s", line, StringComparison.Ordinal);
        Assert.All(world.Cluster.Silos, s => Assert.False(s.Process.HasExited, $"{s.Name} went down"));
    }

    [Fact]
    public async Task The_primary_of_a_localhost_cluster_killed_mid_job_is_said_in_one_line()
    {
        await using var world = await FaultWorld.Start(silos: 3, redis: false);
        await using var train = world.Cluster.StartClient("train", [.. Workload.On("primary"), .. world.Gateways]);
        var job = world.Follow(await FaultWorld.JobIdOf(train));
        await job.After(2, JobTimeout);
        world.Cluster.Silos[0].Process.Kill();
        world.Log("killed silo 1, the primary");

        var line = await OneFailureLine(world, train);
        Assert.Contains("primary silo", line, StringComparison.Ordinal);
        Assert.Contains("localhost clustering cannot survive that", line, StringComparison.Ordinal);
        Assert.EndsWith("scripts/cluster.sh up N)", line, StringComparison.Ordinal);
        Assert.All(world.Cluster.Silos.Skip(1), s => Assert.False(s.Process.HasExited, $"{s.Name} went down"));
    }

    /// <summary>The one error line of a client that must exit with code 1: short, and without a stack frame.</summary>
    private async Task<string> OneFailureLine(FaultWorld world, ChildProcess train)
    {
        var exit = await train.WaitForExit(JobTimeout);
        output.WriteLine(world.Story + train.Log);
        Assert.True(exit == 1, $"train should fail with exit code 1, got {exit}:\n{train.Log}");
        var line = Assert.Single(train.Log.Split('\n'), l => l.StartsWith("err: netorleans: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        Assert.True(line.Length < 400, $"one short line, got {line.Length} characters: {line}");
        return line;
    }

    private async Task AssertUndisturbed(FaultWorld world, JobFollower job, string network, int minRollbacks)
    {
        await job.Until(s => s.IsFinished, JobTimeout, "its end");
        var final = await job.Now();
        output.WriteLine($"{world.Story}final: {final.State}, epoch {final.Epoch}/{final.Epochs}, {final.Recoveries} rollbacks:\n" +
            string.Join("\n", final.Rollbacks.Select(r => $"  at epoch {r.AtEpoch} batch {r.AtBatch} back to epoch {r.ToEpoch}: {r.Reason}")));
        Assert.True(final.State == JobState.Completed, $"the job should complete, it ended {final.State}: {final.Error}\n{world.Cluster.Logs}");
        Assert.True(final.Recoveries >= minRollbacks, $"the faults should show as rollbacks: {final.Recoveries}");
        Assert.Equal(Enumerable.Range(1, Workload.Epochs), final.Records.Select(r => r.Epoch));
        Assert.Equal(final.Records.Length, final.Records.Select(r => r.TrainLoss).Distinct().Count());
        await AssertSameWeights(world, network);
    }

    private async Task AssertSameWeights(FaultWorld world, string network)
    {
        Expect.Success(await world.Cluster.RunClient(["networks", "export", network, $"{network}.json", .. world.Gateways]));
        var exported = await File.ReadAllTextAsync(Path.Combine(world.Cluster.Folder, $"{network}.json"));
        Assert.True(undisturbed.Model == exported, $"network {network} differs from the undisturbed run");
    }
}
