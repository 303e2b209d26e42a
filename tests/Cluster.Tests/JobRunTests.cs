using Microsoft.Extensions.Logging.Abstractions;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Jobs;
using NetOrleans.Grains.State;

namespace NetOrleans.Cluster.Tests;

/// <summary>A job's loop without a silo: against <see cref="ReferenceRunNetwork"/>, with faults where we choose.</summary>
public sealed class JobRunTests
{
    private const int Epochs = 12;
    private static readonly OptimizerSettings Sgd = new(OptimizerKind.Sgd, LearningRate: 0.1);

    [Fact]
    public async Task Faults_before_and_after_a_step_end_with_the_undisturbed_weights_and_each_epoch_once()
    {
        var undisturbed = Network();
        var clean = await Run(undisturbed, CheckpointEvery: 0);

        var faulty = Network();
        faulty.FailBefore.UnionWith([5, 61]);
        faulty.FailAfter.UnionWith([23, 110]);
        var (outcome, progress) = await Run(faulty, CheckpointEvery: 0);

        Assert.Equal(JobState.Completed, clean.Outcome.State);
        Assert.Equal(JobState.Completed, outcome.State);
        Assert.Equal(4, progress.Record.Rollbacks.Count);
        Assert.Equal(Enumerable.Range(1, Epochs), progress.Record.Records.Select(r => r.Epoch));
        Assert.Equal(Enumerable.Range(1, Epochs), faulty.History.Select(r => r.Epoch));
        Assert.Equal(clean.Progress.Record.Records.Select(r => r.TrainLoss), progress.Record.Records.Select(r => r.TrainLoss));
        Assert.Equal(Flatten(undisturbed.Model), Flatten(faulty.Model));
    }

    [Fact]
    public async Task A_fault_goes_back_to_the_last_checkpoint_not_to_the_start_of_the_epoch()
    {
        var faulty = Network();
        faulty.FailAfter.Add(70);
        var (outcome, progress) = await Run(faulty, CheckpointEvery: 0);

        var rollback = Assert.Single(progress.Record.Rollbacks);
        Assert.Equal(JobState.Completed, outcome.State);
        Assert.Equal(rollback.AtEpoch - 1, rollback.ToEpoch);
        Assert.Contains("timed out after it took effect", rollback.Reason);
    }

    [Fact]
    public async Task Storage_that_does_not_come_back_within_the_timeout_fails_the_job_in_one_line()
    {
        var network = Network();
        network.FailBefore.Add(3);
        network.ClaimFaults = int.MaxValue;
        var (outcome, _) = await Run(network, CheckpointEvery: 0, storageTimeout: 0);

        Assert.Equal(JobState.Failed, outcome.State);
        Assert.Contains("has not answered for 0 s", outcome.Error);
        Assert.DoesNotContain('\n', outcome.Error!);
    }

    [Fact]
    public async Task A_run_whose_lease_was_taken_over_stops_without_a_word()
    {
        var network = Network();
        var data = Data();
        var request = Request(CheckpointEvery: 0, storageTimeout: 60);
        var newer = new RunLease("job", 2);
        await network.Claim(newer, resume: false);

        var (outcome, progress) = await Run(network, request, new RunLease("job", 1), data);

        Assert.Equal(JobOutcome.Superseded, outcome);
        Assert.Empty(progress.Record.Records);
    }

    private static ReferenceRunNetwork Network()
    {
        var spec = NetworkSpec.Create([2, 3, 1], "sigmoid", "sigmoid", "mse");
        return new ReferenceRunNetwork(Initialization.Create(spec, seed: 11), Sgd);
    }

    /// <summary>40 rows: y = 1 when x_0 + x_1 > 0.</summary>
    private static LoadedData Data()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 80).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var y = Enumerable.Range(0, 40).Select(i => x[2 * i] + x[2 * i + 1] > 0 ? 1.0 : 0.0).ToArray();
        return new LoadedData(new DataSetHeader("sums", 40, 2, 1, ["a", "b"], null), x, y);
    }

    private static JobRequest Request(double CheckpointEvery, double storageTimeout) =>
        new("fake", "sums", null, Epochs, BatchSize: 4, Shuffle: true, Seed: 5, CheckpointSeconds: CheckpointEvery, StorageTimeoutSeconds: storageTimeout);

    private static Task<(JobOutcome Outcome, JobProgress Progress)> Run(ReferenceRunNetwork network, double CheckpointEvery, double storageTimeout = 60) =>
        Run(network, Request(CheckpointEvery, storageTimeout), new RunLease("job", 1), Data());

    private static async Task<(JobOutcome Outcome, JobProgress Progress)> Run(ReferenceRunNetwork network, JobRequest request, RunLease lease, LoadedData data)
    {
        var progress = new JobProgress(lease.JobId, new JobRecord { Request = request, State = JobState.Running, Generation = lease.Generation });
        var run = new JobRun(request, lease, network, data, null, progress, () => null, () => Task.CompletedTask, TimeProvider.System, NullLogger.Instance);
        var outcome = await run.Run(resume: false, default, CancellationToken.None);
        return (outcome, progress);
    }

    private static double[] Flatten(NetworkModel model) => model.Theta.SelectMany(l => l.SelectMany(n => n)).ToArray();
}
