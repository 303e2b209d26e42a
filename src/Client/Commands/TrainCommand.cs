using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Connection;
using NetOrleans.Client.Telemetry;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>
/// `netorleans train`: uploads the data into the cluster, creates the network's neuron grains, starts a
/// training job and watches it; then writes the model and prints any predictions asked for.
/// </summary>
public static class TrainCommand
{
    /// <summary>How many training samples are predicted after training to see whether they all get the same outputs.</summary>
    private const int WarningSamples = 256;

    /// <summary>The network's summary, or null when it does not exist.</summary>
    private static async Task<NetworkSummary?> Find(INetworkGrain network)
    {
        try
        {
            return await network.Describe();
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>--view-keep: the page stays up, with the trained network, until Ctrl-C.</summary>
    private static async Task KeepServing(CommandContext context)
    {
        using var ctrlC = context.CtrlC.Listen();
        context.Info.WriteLine("training done; the live page stays up until Ctrl-C");
        try
        {
            await Task.Delay(Timeout.Infinite, context.CtrlC.FirstPress);
        }
        catch (OperationCanceledException)
        {
            context.Info.WriteLine("stopping the live page");
        }
    }

    public static async Task<int> Run(Arguments args, CommandContext context)
    {
        // An embedded silo starts while the data loads.
        var gateways = GatewayAddresses.Of(args);
        var view = LiveView.From(args, gateways.Count > 0);
        var (cluster, settings) = await ClusterConnection.OpenWhile(gateways, context.Info, CommandTelemetry.Settings(args), context.Clock, () =>
        {
            var parsed = TrainSettings.Parse(args);
            context.Clock.Mark("arguments read, data loaded");
            return parsed;
        }, view);
        await using var connection = cluster;
        if (cluster.PageUrl is { } page)
        {
            context.Info.WriteLine($"live page: {page}");
        }

        if (settings.Telemetry.Console)
        {
            context = context with { Interactive = false };
        }

        using var span = CommandTelemetry.Start("train");
        var networkId = settings.NetworkId ?? $"net-{Guid.NewGuid().ToString("N")[..8]}";
        var network = cluster.Grains.GetGrain<INetworkGrain>(networkId);
        var optimizer = settings.Optimizer;
        var existing = settings.NetworkId is null || settings.ModelGiven ? null : await Find(network);
        InitialModel? create = null;
        if (existing is null)
        {
            if (settings.NetworkId is not null && !settings.ModelGiven)
            {
                StartingModel.CheckOverflow(settings.Model, settings.Train, settings.Test);
            }

            create = settings.Model;
        }
        else
        {
            if (existing.Inputs != settings.Train.Features || existing.Layers[^1].Size != settings.Train.Targets)
            {
                throw new UsageException($"network {networkId} takes {existing.Inputs} inputs and has {existing.Layers[^1].Size} outputs but '{settings.Train.Name}' has {settings.Train.Features} features and {settings.Train.Targets} targets");
            }

            StartingModel.CheckOverflow(await network.Export(), settings.Train, settings.Test);
            context.Info.WriteLine($"network {networkId} exists: training it further from its {existing.Steps} steps");
        }

        var jobId = $"job-{Guid.NewGuid().ToString("N")[..8]}";
        // From here the first Ctrl-C stops the job after the batch in flight (or detaches from it) instead of the process.
        using var ctrlC = context.CtrlC.Listen();
        var job = cluster.Grains.GetGrain<ITrainingJobGrain>(jobId);
        var request = new JobRequest(networkId, $"{jobId}/train", settings.Test is null ? null : $"{jobId}/test",
            settings.Epochs, settings.BatchSize, settings.Shuffle, settings.Seed, settings.TraceBatches, settings.CheckpointSeconds, settings.StorageTimeoutSeconds);
        await JobLauncher.Start(cluster.Grains, jobId, request, settings.Train, settings.Test, create, optimizer,
            network => NetworkCreator.Create(cluster.Grains, networkId, create!, optimizer, context), context.Clock.Mark);
        context.Clock.Mark("job started");
        var summary = existing ?? await network.Describe();
        context.Info.WriteLine($"network {networkId} ({NetworksCommand.Shape(summary)}), job {jobId}: {Plural.Of(settings.Epochs, "epoch")} of {Plural.Of(settings.Train.Count, "sample")}, batch {settings.BatchSize}, {settings.Optimizer.Kind.Name()} lr {settings.Optimizer.LearningRate.ToString(CultureInfo.InvariantCulture)}");
        if (settings.Detach)
        {
            context.Out.WriteLine(jobId);
            return 0;
        }

        var watch = await new JobWatcher(context).Watch(job, cluster.Grains, context.CtrlC.FirstPress, () => cluster.Embedded
            ? Task.FromResult(InterruptChoice.Cancel)
            : InterruptQuestion.Ask(context, jobId));
        var (final, records) = (watch.Final, watch.Records);
        context.Clock.Mark("job finished");
        if (watch.Interrupted is not null && final.State != JobState.Completed)
        {
            return await TrainInterrupted.Report(context, watch, network, settings, cluster.Embedded);
        }

        if (final.State == JobState.Failed)
        {
            throw new UsageException($"job {jobId} failed: {final.Error}");
        }

        if (final.State == JobState.Cancelled)
        {
            context.Out.WriteLine($"job {jobId} was cancelled after {Plural.Of(final.Epoch, "epoch")}");
        }

        context.Info.WriteLine($"trained in {final.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s ({final.SamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture)} samples/s)");
        var trained = await network.Export();
        context.Clock.Mark("model exported");
        TrainingCharts.WriteConsole(context, records);
        var sample = Math.Min(settings.Train.Count, WarningSamples);
        // In this process, from the exported weights: no grain calls (and no spans) for a check.
        var outputs = new ReferenceNetwork(trained, settings.Optimizer).Predict(settings.Train.X.AsSpan(0, sample * settings.Train.Features));
        if (TrainingWarnings.Check(records, outputs, trained.Spec.Outputs, trained.Spec, settings.Train, settings.Optimizer.LearningRate) is { } warning)
        {
            context.Info.WriteLine(warning);
        }

        if (settings.Plot is { } plot)
        {
            TrainingCharts.Save(plot, records, $"{networkId} on {settings.Train.Name}");
            context.Out.WriteLine($"plot written to {plot}");
        }

        if (settings.Train.Classes is not null)
        {
            var split = settings.Test ?? settings.Train;
            var evaluation = await EvaluateCommand.Evaluate(network, trained.Spec, split);
            context.WriteLine($"{(settings.Test is null ? "training" : "test")} accuracy: {evaluation.Accuracy!.Value.ToString("F4", CultureInfo.InvariantCulture)}");
            ConfusionTable.Write(context, evaluation, trained.Spec.Classes);
        }

        if (settings.Out is { } path)
        {
            ModelFile.Write(path, trained, (await network.Describe()).History);
            context.Out.WriteLine($"model written to {path}");
        }

        foreach (var x in settings.Predictions)
        {
            var a = (await network.Predict(x)).Value;
            context.Out.WriteLine($"predict {string.Join(",", x.Select(v => v.ToString(CultureInfo.InvariantCulture)))}: {PredictCommand.Format(a, trained.Spec)}");
        }

        context.Clock.Mark("results written");
        if (view is { Keep: true })
        {
            await KeepServing(context);
        }

        return final.State == JobState.Completed ? 0 : 1;
    }

}
