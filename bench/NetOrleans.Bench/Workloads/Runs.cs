using NetOrleans.Core.Data;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Bench.Workloads;

/// <summary>Training loops on the grains and on the reference, and the check that they agree.</summary>
public static class Runs
{
    /// <summary>Creates (or re-creates) the network on the grains with the workload's fresh model.</summary>
    public static async Task<INetworkGrain> Create(IGrainFactory grains, string id, Workload workload)
    {
        var network = grains.GetGrain<INetworkGrain>(id);
        await network.Create(workload.Model(), workload.Optimizer, replace: true, history: []);
        return network;
    }

    public static ReferenceNetwork Reference(Workload workload) => new(workload.Model(), workload.Optimizer);

    /// <summary>Epochs of steps through <see cref="INetworkGrain.TrainBatch"/>, one call after another from the host.</summary>
    public static async Task Train(INetworkGrain network, IReadOnlyList<Batch> batches, int epochs = 1)
    {
        for (var e = 0; e < epochs; e++)
        {
            foreach (var batch in batches)
            {
                await network.TrainBatch(batch.X, batch.Y);
            }
        }
    }

    /// <summary>The same epochs on the reference trainer.</summary>
    public static void Train(ReferenceNetwork reference, IReadOnlyList<Batch> batches, int epochs = 1)
    {
        for (var e = 0; e < epochs; e++)
        {
            foreach (var batch in batches)
            {
                reference.TrainBatch(batch.X.Value, batch.Y.Value);
            }
        }
    }

    /// <summary>"bit-identical" when the grains hold the reference's weights to the bit, else the largest difference.</summary>
    public static async Task<string> Compare(INetworkGrain network, ReferenceNetwork reference)
    {
        var grains = (await network.Export()).Theta;
        var expected = reference.Export().Theta;
        var worst = 0.0;
        for (var l = 0; l < grains.Length; l++)
        {
            for (var j = 0; j < grains[l].Length; j++)
            {
                for (var i = 0; i < grains[l][j].Length; i++)
                {
                    worst = Math.Max(worst, Math.Abs(grains[l][j][i] - expected[l][j][i]));
                }
            }
        }

        return worst == 0 ? "weights bit-identical" : $"WEIGHTS DIFFER (max |diff| {worst:G3})";
    }

    /// <summary>Runs a training job to its end; its own clock, which starts after it has loaded its data.</summary>
    public static async Task<JobStatus> Job(IGrainFactory grains, string jobId, JobRequest request, bool started = false)
    {
        var job = grains.GetGrain<ITrainingJobGrain>(jobId);
        var status = started ? await job.GetStatus(int.MaxValue) : await job.Start(request);
        while (!status.IsFinished)
        {
            status = await job.WaitForUpdate(status.Version, int.MaxValue, TimeSpan.FromSeconds(10));
        }

        return status.State == JobState.Completed ? status : throw new InvalidOperationException($"job {jobId} ended {status.State}: {status.Error}");
    }
}
