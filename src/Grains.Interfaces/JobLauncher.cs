using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Grains.Interfaces;

/// <summary>
/// Sets a training job up in the cluster: its data sets, its network (unless it trains one that exists), and the job.
/// A start that fails takes away what it set up, so that a job that cannot start leaves nothing behind.
/// </summary>
public static class JobLauncher
{
    /// <summary>
    /// Uploads <paramref name="train"/> and <paramref name="test"/> as the request's data sets, creates the network
    /// from <paramref name="model"/> when given, or else gives the existing network <paramref name="optimizer"/> (its
    /// old one comes back if the start fails), and starts the job.
    /// </summary>
    /// <param name="create">creates the network from the model (the console shows its size check and progress); by default the plain creation</param>
    /// <param name="mark">told each stage as it ends (data uploaded, network created or found), for --verbose</param>
    /// <returns>the job's status at its start</returns>
    public static async Task<JobStatus> Start(
        IGrainFactory grains, string jobId, JobRequest request, DataSet train, DataSet? test, InitialModel? model, OptimizerSettings optimizer,
        Func<INetworkGrain, Task>? create = null, Action<string>? mark = null)
    {
        request.Validate();
        if ((test is null) != (request.TestSetId is null))
        {
            throw new ArgumentException($"job '{jobId}': a test data set and a test data set id go together");
        }

        var undo = new Stack<Func<Task>>();
        var job = grains.GetGrain<ITrainingJobGrain>(jobId);
        try
        {
            await Upload(grains, request.TrainSetId, train, undo);
            if (test is not null)
            {
                await Upload(grains, request.TestSetId!, test, undo);
            }

            mark?.Invoke("data uploaded");

            var network = grains.GetGrain<INetworkGrain>(request.NetworkId);
            if (model is not null)
            {
                await (create is null ? Create(network, model, optimizer) : create(network));
                undo.Push(network.Delete);
            }
            else
            {
                var before = (await network.Describe()).Optimizer;
                await network.SetOptimizer(optimizer);
                undo.Push(() => network.SetOptimizer(before));
            }

            mark?.Invoke(model is null ? "network found" : "network created");

            return await job.Start(request);
        }
        catch (Exception) when (undo.Count > 0)
        {
            if (!await Exists(job))
            {
                await Undo(undo);
            }

            throw;
        }
    }

    /// <summary>Creates the network from the model's parameters, or has it draw them from the model's seed.</summary>
    public static Task<NetworkSummary> Create(INetworkGrain network, InitialModel model, OptimizerSettings optimizer) =>
        model.Given is { } given
            ? network.Create(given, optimizer, replace: false, history: [])
            : network.CreateSeeded(model.Spec, model.Seed, optimizer, replace: false);

    private static async Task Upload(IGrainFactory grains, string id, DataSet data, Stack<Func<Task>> undo)
    {
        // Pushed first: an upload refused half way has chunks stored already, and they go too.
        undo.Push(grains.GetGrain<IDataSetGrain>(id).Delete);
        await DataUploader.Upload(grains, id, data);
    }

    /// <summary>Whether the job exists after all (a start that timed out may have started it): then it keeps what it needs.</summary>
    private static async Task<bool> Exists(ITrainingJobGrain job)
    {
        try
        {
            await job.GetStatus(0);
            return true;
        }
        catch (KeyNotFoundException)
        {
            return false;
        }
        catch (Exception)
        {
            // No answer at all: nothing can be taken away either.
            return true;
        }
    }

    /// <summary>Takes away what was set up, last first; what cannot be taken away now stays (the error that matters is the start's).</summary>
    private static async Task Undo(Stack<Func<Task>> undo)
    {
        while (undo.TryPop(out var step))
        {
            try
            {
                await step();
            }
            catch (Exception)
            {
                // Best effort: the original error is what the caller reports.
            }
        }
    }
}
