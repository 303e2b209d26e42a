using System.Diagnostics;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>
/// Every row of <see cref="BadInputTable"/>: refused with the expected exception and a message that names the problem
/// and where it is, answered within seconds, and the world (networks, neurons, data set, job, catalog) the same to the
/// bit afterwards; then the silo that took all of them still trains the tutorial's network to the reference's bits.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BadInputTableTests(ClusterFixture fixture)
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);
    private static readonly SemaphoreSlim Building = new(1, 1);
    private static (ClusterFixture Fixture, BadInputWorld World)? _shared;

    public static TheoryData<string> Rows => BadInputTable.Names;

    [Fact]
    public void The_table_has_at_least_30_rows_with_unique_names()
    {
        Assert.True(BadInputTable.All.Count >= 30, $"{BadInputTable.All.Count} rows");
        Assert.Equal(BadInputTable.All.Count, BadInputTable.All.Select(BadInputTable.Slug).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Bad_input_is_refused_and_changes_nothing(string row)
    {
        var world = await SharedWorld();
        var failure = await Run(BadInputTable.Find(row), world);
        Assert.True(failure is null, failure);
    }

    [Fact]
    public async Task After_every_bad_input_in_turn_the_checkpoint_is_intact_and_the_silo_trains_to_the_reference_bits()
    {
        using var world = new BadInputWorld(fixture.Grains, "bad-all");
        await world.Build();
        var initial = await world.Snapshot([]);

        var failures = new List<string>();
        foreach (var row in BadInputTable.All)
        {
            if (await Run(row, world) is { } failure)
            {
                failures.Add(failure);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {BadInputTable.All.Count} rows failed:\n{string.Join("\n", failures)}");
        world.Row = "setup";
        Assert.Equal(initial, await world.Snapshot([]));

        // What the world's network holds in storage is what it held before: going back to it changes nothing.
        await world.World.Restore();
        Assert.Equal(initial, await world.Snapshot([]));

        // The same silo trains the tutorial's network through a job to the reference trainer's weights, bit for bit.
        var data = Core.Data.BuiltInDataSets.Gender();
        var model = Initialization.Create(NetworkSpec.Create([2, 2, 1], "sigmoid", "sigmoid") with { InputShift = data.InputShift! }, seed: 7);
        var sgd = new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 0.1);
        var status = await TrainingHelpers.TrainWithJob(fixture.Grains, "bad-all/gender", model, sgd, data, epochs: 300, batchSize: 1, shuffle: false, seed: 7);
        var expected = TrainingHelpers.TrainReference(model, sgd, data, epochs: 300, batchSize: 1, shuffle: false, seed: 7);

        Assert.Equal(JobState.Completed, status.State);
        var trained = (await fixture.Grains.GetGrain<INetworkGrain>("bad-all/gender").Export()).Theta;
        for (var l = 0; l < trained.Length; l++)
        {
            for (var j = 0; j < trained[l].Length; j++)
            {
                Assert.Equal(expected.Theta[l][j], trained[l][j]);
            }
        }
    }

    /// <summary>Runs one row against <paramref name="world"/>; null when it passed, else what went wrong.</summary>
    private static async Task<string?> Run(BadInput row, BadInputWorld world)
    {
        world.Row = BadInputTable.Slug(row);
        try
        {
            if (row.Arrange is { } arrange)
            {
                await arrange(world);
            }

            var before = await world.Snapshot(row.Watch);
            var clock = Stopwatch.StartNew();
            Exception? error = null;
            try
            {
                await row.Act(world);
            }
            catch (Exception e)
            {
                error = e;
            }

            clock.Stop();
            if (error is null)
            {
                return $"[{row.Name}] was accepted; expected {row.Error.Name}";
            }

            if (error.GetType() != row.Error)
            {
                return $"[{row.Name}] threw {error.GetType().Name}: {error.Message}; expected {row.Error.Name}";
            }

            var missing = row.Fragments.Select(world.Expand).Where(f => !error.Message.Contains(f, StringComparison.Ordinal)).ToArray();
            if (missing.Length > 0)
            {
                return $"[{row.Name}] message \"{error.Message}\" lacks \"{string.Join("\", \"", missing)}\"";
            }

            if (clock.Elapsed > AnswerWithin)
            {
                return $"[{row.Name}] was answered after {clock.Elapsed.TotalSeconds:F1} s";
            }

            var after = await world.Snapshot(row.Watch);
            var changed = before.Zip(after).Where(p => p.First != p.Second).Select(p => $"    before: {p.First}\n    after:  {p.Second}").ToList();
            if (changed.Count > 0 || before.Count != after.Count)
            {
                return $"[{row.Name}] changed the stored state:\n{string.Join("\n", changed)}";
            }

            if (row.After is { } check)
            {
                await check(world);
            }

            return null;
        }
        catch (Exception e)
        {
            return $"[{row.Name}] {e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>One world for the theory's rows in this cluster, built once: the rows come one after another.</summary>
    private async Task<BadInputWorld> SharedWorld()
    {
        await Building.WaitAsync();
        try
        {
            if (_shared is not { } shared || shared.Fixture != fixture)
            {
                var world = new BadInputWorld(fixture.Grains, "bad-each");
                AppDomain.CurrentDomain.ProcessExit += (_, _) => world.Dispose();
                await world.Build();
                _shared = (fixture, world);
                return world;
            }

            return shared.World;
        }
        finally
        {
            Building.Release();
        }
    }
}
