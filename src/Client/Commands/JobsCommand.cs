using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Connection;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>`netorleans jobs [watch ID | cancel ID]`: lists training jobs, follows one, or stops one.</summary>
public static class JobsCommand
{

    public static async Task<int> Run(Arguments args, CommandContext context)
    {
        var p = args.Positional;
        var verb = p.Count == 0 ? "list" : p[0];
        if (verb is not ("list" or "watch" or "cancel"))
        {
            throw new UsageException($"jobs: unknown subcommand '{verb}' (list, watch ID, cancel ID)");
        }

        if (verb != "list" && p.Count != 2)
        {
            throw new UsageException($"jobs {verb}: expected one job id");
        }

        await using var cluster = await ClusterConnection.Open(GatewayAddresses.Required(args, "jobs"), context.Info);
        switch (verb)
        {
            case "list":
                var rows = new List<IReadOnlyList<string>>();
                foreach (var id in await cluster.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Jobs())
                {
                    rows.Add(Row(await cluster.Grains.GetGrain<ITrainingJobGrain>(id).GetStatus(int.MaxValue)));
                }

                if (rows.Count == 0)
                {
                    context.Out.WriteLine("no jobs in the cluster");
                }
                else
                {
                    TextTable.Write(context.Out, ["JOB", "NETWORK", "STATE", "EPOCH", "BATCH", "SAMPLES/S", "ERROR"], rows);
                }

                return 0;
            case "watch":
                var (final, _) = await new JobWatcher(context).Watch(cluster.Grains.GetGrain<ITrainingJobGrain>(p[1]), cluster.Grains);
                context.Out.WriteLine(Line(final));
                return final.State == JobState.Completed ? 0 : 1;
            default:
                var job = cluster.Grains.GetGrain<ITrainingJobGrain>(p[1]);
                var before = await job.GetStatus(int.MaxValue);
                if (before.IsFinished)
                {
                    context.Out.WriteLine($"job {p[1]} had already {before.State.ToString().ToLowerInvariant()}: nothing to cancel");
                    return 0;
                }

                var cancelled = await job.Cancel();
                context.Out.WriteLine(cancelled.IsFinished ? Line(cancelled) : $"{p[1]}  cancel requested: it stops after the batch in flight");
                return 0;
        }
    }

    /// <summary>"job-1  net-1  Running  epoch 3/20  batch 5/63  812 samples/s" (no batch once the job has finished).</summary>
    public static string Line(JobStatus s)
    {
        var batch = s.IsFinished ? "" : $"  batch {s.Batch}/{s.Batches}";
        var line = $"{s.JobId}  {s.NetworkId}  {s.State}  epoch {s.Epoch}/{s.Epochs}{batch}  {SamplesPerSecond(s)} samples/s";
        return s.Error is null ? line : $"{line}  error: {s.Error}";
    }

    /// <summary>The job as a row of `jobs list`: the batch only while it runs.</summary>
    private static string[] Row(JobStatus s) =>
        [s.JobId, s.NetworkId, s.State.ToString(), $"{s.Epoch}/{s.Epochs}", s.IsFinished ? "-" : $"{s.Batch}/{s.Batches}", SamplesPerSecond(s), s.Error ?? ""];

    private static string SamplesPerSecond(JobStatus s) => s.SamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture);
}
