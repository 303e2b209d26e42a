using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Cluster.Tests;

/// <summary>Runs training jobs in the test cluster and the same training in the reference trainer.</summary>
public static class TrainingHelpers
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Creates a network from <paramref name="model"/>, trains it with a job and returns the final status.</summary>
    public static async Task<JobStatus> TrainWithJob(
        IGrainFactory grains, string networkId, NetworkModel model, OptimizerSettings optimizer, DataSet data,
        int epochs, int batchSize, bool shuffle, long seed)
    {
        await grains.GetGrain<INetworkGrain>(networkId).Create(model, optimizer, replace: false, history: []);
        var dataId = $"{networkId}/data";
        await DataUploader.Upload(grains, dataId, data);
        var job = grains.GetGrain<ITrainingJobGrain>($"{networkId}/job");
        await job.Start(new JobRequest(networkId, dataId, null, epochs, batchSize, shuffle, seed));
        return await WaitUntilFinished(job);
    }

    /// <summary>Follows a job's updates until it finishes; fails the test if it has not within five minutes.</summary>
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

    /// <summary>The same training as a job, in the reference trainer: epochs of batches in file or seeded order.</summary>
    public static NetworkModel TrainReference(NetworkModel model, OptimizerSettings optimizer, DataSet data, int epochs, int batchSize, bool shuffle, long seed)
    {
        var reference = new ReferenceNetwork(model, optimizer);
        var n = data.Count;
        for (var e = 1; e <= epochs; e++)
        {
            var order = Enumerable.Range(0, n).ToArray();
            if (shuffle)
            {
                SeededRandom.For(seed, e).Shuffle(order);
            }

            for (var start = 0; start < n; start += batchSize)
            {
                var batch = data.Select(order[start..Math.Min(n, start + batchSize)]);
                reference.TrainBatch(batch.X, batch.Y);
            }
        }

        return reference.Export();
    }

    /// <summary>Asserts that network <paramref name="id"/> holds exactly the parameters of <paramref name="expected"/>, bit for bit.</summary>
    public static async Task AssertSameWeights(IGrainFactory grains, string id, NetworkModel expected)
    {
        var trained = (await grains.GetGrain<INetworkGrain>(id).Export()).Theta;
        Assert.Equal(expected.Theta.Length, trained.Length);
        for (var l = 0; l < trained.Length; l++)
        {
            Assert.Equal(expected.Theta[l].Length, trained[l].Length);
            for (var j = 0; j < trained[l].Length; j++)
            {
                Assert.Equal(expected.Theta[l][j], trained[l][j]);
            }
        }
    }
}
