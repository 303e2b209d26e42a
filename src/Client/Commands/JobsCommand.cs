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
                foreach (var id in await cluster.Grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).Jobs())
                {
                    var s = await cluster.Grains.GetGrain<ITrainingJobGrain>(id).GetStatus(int.MaxValue);
                    context.Out.WriteLine(Line(s));
                }

                return 0;
            case "watch":
                var (final, _) = await new JobWatcher(context).Watch(cluster.Grains.GetGrain<ITrainingJobGrain>(p[1]), cluster.Grains);
                context.Out.WriteLine(Line(final));
                return final.State == JobState.Completed ? 0 : 1;
            default:
                var cancelled = await cluster.Grains.GetGrain<ITrainingJobGrain>(p[1]).Cancel();
                context.Out.WriteLine(cancelled.IsFinished ? Line(cancelled) : $"{p[1]}  cancel requested: it stops after the batch in flight");
                return 0;
        }
    }

    /// <summary>"job-1  net-1  Running  epoch 3/20  batch 5/63  812 samples/s".</summary>
    public static string Line(JobStatus s)
    {
        var line = $"{s.JobId}  {s.NetworkId}  {s.State}  epoch {s.Epoch}/{s.Epochs}  batch {s.Batch}/{s.Batches}  {s.SamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture)} samples/s";
        return s.Error is null ? line : $"{line}  error: {s.Error}";
    }
}
