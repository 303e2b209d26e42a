using System.Globalization;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>
/// Creates a network for `train` and `networks create`: first its size against the cluster's memory budget (one line
/// with the numbers, before any work), then the creation itself, with a progress line every few seconds while the
/// network initializes and checkpoints its neurons in batches.
/// </summary>
public static class NetworkCreator
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(3);

    /// <summary>Refuses a network the cluster cannot hold; creates it otherwise.</summary>
    public static async Task<NetworkSummary> Create(IGrainFactory grains, string id, InitialModel model, OptimizerSettings optimizer, CommandContext context)
    {
        var spec = model.Spec;
        UsageCheck.Run(spec.Validate);
        var size = NetworkSize.Of(spec);
        var budget = await grains.GetGrain<IClusterMemoryGrain>(0).Budget();
        UsageCheck.Run(() => size.CheckFits($"network '{id}' ({spec.Shape})", budget.Bytes, budget.Source));

        var network = grains.GetGrain<INetworkGrain>(id);
        var creating = JobLauncher.Create(network, model, optimizer);
        while (await Task.WhenAny(creating, Task.Delay(ProgressEvery)) != creating)
        {
            if (await network.Creation() is { } c)
            {
                context.Info.WriteLine($"creating network {id}: {Count(c.Initialized)} of {Count(c.Neurons)} neurons initialized, {Count(c.Checkpointed)} checkpointed");
            }
        }

        return await creating;
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
