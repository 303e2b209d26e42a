using NetOrleans.Core.Models;
using System.Diagnostics;
using System.Globalization;
using NetOrleans.Client.Connection;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Spectre.Console;

namespace NetOrleans.Client.Commands;

/// <summary>
/// Follows a training job until it ends: a progress bar on a terminal, and a line with the loss at every tenth
/// of the epochs and at the end. It keeps watching through the loss of the job's silo: the job goes on elsewhere.
/// </summary>
public sealed class JobWatcher(CommandContext context)
{
    internal CommandContext Context { get; } = context;

    /// <summary>How long one wait for news of the job lasts.</summary>
    internal static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>How long past <see cref="Poll"/> an answer may take before the job's silo counts as lost (Orleans waits 30 s).</summary>
    private static readonly TimeSpan AnswerSlack = TimeSpan.FromSeconds(10);

    /// <summary>How long the job may stay out of reach (its silo lost, the cluster settling) before watching fails.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private ClusterShape? _shape;
    private string? _notice;

    /// <summary>How the cluster held together when the watch began, or null when it did not say in time.</summary>
    internal ClusterShape? KnownShape => _shape;

    /// <summary>Watches <paramref name="job"/> and returns its final status and every epoch record it made.</summary>
    public async Task<(JobStatus Final, List<EpochRecord> Records)> Watch(ITrainingJobGrain job, IGrainFactory grains)
    {
        var watch = await Watch(job, grains, CancellationToken.None, () => Task.FromResult(InterruptChoice.Cancel));
        return (watch.Final, watch.Records);
    }

    /// <summary>
    /// Watches <paramref name="job"/> until it ends; when <paramref name="interrupt"/> fires, asks <paramref name="choose"/>
    /// whether to cancel the job (then watches it stop after the batch in flight) or to detach (then returns at once).
    /// </summary>
    public async Task<JobWatch> Watch(ITrainingJobGrain job, IGrainFactory grains, CancellationToken interrupt, Func<Task<InterruptChoice>> choose)
    {
        var records = new List<EpochRecord>();
        // Asked beside the first status, not before it: it is only needed if the cluster is lost later.
        var shape = Shape(grains);
        var status = await Ask(job, () => job.GetStatus(0));
        _shape = await shape;
        var watch = new JobWatchSession(this, job, interrupt, choose);
        if (!Context.Interactive)
        {
            return await watch.Follow(status, records, _ => { });
        }

        JobWatch? result = null;
        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask("training", maxValue: Math.Max(1, status.Epochs * (double)Math.Max(1, status.Batches)));
                result = await watch.Follow(status, records, s =>
                {
                    bar.Value = s.Epoch * (double)s.Batches + (s.Epoch < s.Epochs ? s.Batch : 0);
                    var loss = records.Count > 0 ? $" loss {records[^1].TrainLoss:G4}" : "";
                    bar.Description = $"epoch {Math.Min(s.Epoch + 1, s.Epochs)}/{s.Epochs} batch {s.Batch}/{s.Batches}{loss} {s.SamplesPerSecond:F0} samples/s";
                });
            });
        return result!;
    }

    /// <summary>
    /// Asks the job; when its silo is lost (no answer in time, or the silo is unavailable), says so and asks again with
    /// <paramref name="retry"/> until the job answers from wherever it resumed, or <see cref="GiveUpAfter"/> has passed.
    /// A resumed job is a new activation whose versions start again, hence the retry asks for the status at once.
    /// </summary>
    internal async Task<JobStatus> Ask(ITrainingJobGrain job, Func<Task<JobStatus>> call, Func<Task<JobStatus>>? retry = null)
    {
        Stopwatch? lost = null;
        while (true)
        {
            try
            {
                var status = await call().WaitAsync(Poll + AnswerSlack);
                if (lost is not null)
                {
                    Context.Info.WriteLine($"job {job.GetPrimaryKeyString()} answers again after {lost.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s");
                }

                return status;
            }
            catch (Exception e) when (e is TimeoutException or OrleansMessageRejectionException or ConnectionFailedException
                && (lost is null || lost.Elapsed < GiveUpAfter))
            {
                if (await PrimaryProbe.Lost(_shape) is { } gone)
                {
                    throw new InvalidOperationException($"job {job.GetPrimaryKeyString()} is out of reach: {gone}");
                }

                if (lost is null)
                {
                    lost = Stopwatch.StartNew();
                    Context.Info.WriteLine($"job {job.GetPrimaryKeyString()} is out of reach ({e.GetType().Name}), probably with its silo: waiting for it to resume elsewhere");
                }

                call = retry ?? call;
                await Task.Delay(RetryDelay);
            }
        }
    }

    /// <summary>Says once when the job starts waiting for its storage or cluster, and once when it goes on.</summary>
    internal void Notice(ITrainingJobGrain job, JobStatus status)
    {
        if (status.Notice is { } notice && _notice is null)
        {
            Context.Info.WriteLine($"job {job.GetPrimaryKeyString()} paused: {notice}");
        }
        else if (status.Notice is null && _notice is not null && !status.IsFinished)
        {
            Context.Info.WriteLine($"job {job.GetPrimaryKeyString()} goes on");
        }

        _notice = status.Notice;
    }

    /// <summary>How the cluster holds together, to explain a loss; null when it does not say in time.</summary>
    private static async Task<ClusterShape?> Shape(IGrainFactory grains)
    {
        try
        {
            return await grains.GetGrain<IClusterShapeGrain>(0).Describe().WaitAsync(Poll);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return null;
        }
    }

    /// <summary>"epoch 100/1000  loss 0.0123" (with accuracy and test figures when there are any).</summary>
    public static string EpochLine(int n, int epochs, EpochRecord r)
    {
        var line = $"epoch {n.ToString(CultureInfo.InvariantCulture).PadLeft(epochs.ToString(CultureInfo.InvariantCulture).Length)}/{epochs}  loss {Number(r.TrainLoss)}";
        if (r.TrainAccuracy is { } acc)
        {
            line += $"  accuracy {Number(acc)}";
        }

        if (r.TestLoss is { } testLoss)
        {
            line += $"  test loss {Number(testLoss)}";
        }

        if (r.TestAccuracy is { } testAcc)
        {
            line += $"  test accuracy {Number(testAcc)}";
        }

        return line;
    }

    private static string Number(double v) => v.ToString("F6", CultureInfo.InvariantCulture);
}
