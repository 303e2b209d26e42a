using System.Diagnostics;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Grains.Telemetry;

namespace NetOrleans.Telemetry.Tests;

/// <summary>Creates networks and jobs in the test cluster and reads the spans they made.</summary>
public static class Tracing
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Creates network <paramref name="id"/> from a model, with SGD at learning rate 1.</summary>
    public static async Task<INetworkGrain> Create(IGrainFactory grains, string id, NetworkModel model)
    {
        var network = grains.GetGrain<INetworkGrain>(id);
        await network.Create(model, new OptimizerSettings(OptimizerKind.Sgd, LearningRate: 1), replace: false, history: []);
        return network;
    }

    /// <summary>Follows a job's updates until it finishes; fails the test if it has not within two minutes.</summary>
    public static async Task<JobStatus> WaitUntilFinished(ITrainingJobGrain job)
    {
        var deadline = DateTime.UtcNow + JobTimeout;
        var status = await job.GetStatus(0);
        while (!status.IsFinished)
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {status.JobId} did not finish within {JobTimeout} (at epoch {status.Epoch}/{status.Epochs})");
            status = await job.WaitForUpdate(status.Version, int.MaxValue, TimeSpan.FromSeconds(10));
        }

        return status;
    }

    /// <summary>The spans named <paramref name="name"/>.</summary>
    public static List<Activity> Named(this IEnumerable<Activity> spans, string name) => spans.Where(s => s.OperationName == name).ToList();

    /// <summary>(layer, neuron) of a neuron span.</summary>
    public static (int Layer, int Neuron) Neuron(this Activity span) =>
        ((int)span.GetTagItem(TagNames.Layer)!, (int)span.GetTagItem(TagNames.Neuron)!);

    /// <summary>Every (layer, neuron) of a network with these layer sizes, in order.</summary>
    public static List<(int Layer, int Neuron)> AllNeurons(params int[] layerSizes) =>
        layerSizes.SelectMany((size, l) => Enumerable.Range(0, size).Select(j => (l + 1, j))).ToList();
}
