using NetOrleans.Client.Cli;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>What `train` says after Ctrl-C: where the job stopped and what was kept, or that it trains on.</summary>
public static class TrainInterrupted
{
    /// <summary>Writes the lines and any --out model; returns <see cref="CtrlC.ExitCode"/>.</summary>
    public static async Task<int> Report(CommandContext context, JobWatch watch, INetworkGrain network, TrainSettings settings, bool embedded)
    {
        var final = watch.Final;
        if (watch.Interrupted == InterruptChoice.Detach)
        {
            var gateways = string.Concat(settings.Gateways.Select(g => $" --gateway {g}"));
            context.Info.WriteLine($"detached: job {final.JobId} trains on in the cluster (netorleans jobs watch {final.JobId}{gateways}; jobs cancel {final.JobId})");
            return CtrlC.ExitCode;
        }

        var summary = await network.Describe();
        var where = embedded
            ? "it ends with this process's embedded silo"
            : $"train it further with --network {final.NetworkId}";
        context.Info.WriteLine($"interrupted: job {final.JobId} {final.State.ToString().ToLowerInvariant()} in epoch {Math.Min(final.Epoch + 1, final.Epochs)}/{final.Epochs} ({Plural.Of(final.Epoch, "epoch")} done); network {final.NetworkId} checkpointed at step {summary.Steps} ({where})");
        if (settings.Out is { } path)
        {
            ModelFile.Write(path, await network.Export(), summary.History);
            context.Info.WriteLine($"model as trained when stopped written to {path}");
        }
        else
        {
            context.Info.WriteLine("no model file written (no --out)");
        }

        return CtrlC.ExitCode;
    }
}
