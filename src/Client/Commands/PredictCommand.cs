using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Connection;
using NetOrleans.Client.Telemetry;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>`netorleans predict (--model F | --network ID) X1 X2 ...` (or X1,X2,...): the network's outputs, one per line.</summary>
public static class PredictCommand
{
    public static readonly string[] Options = ["--model", "--network", "--gateway", CommandTelemetry.Option];

    public static async Task<int> Run(Arguments args, CommandContext context)
    {
        var modelPath = args.Get("--model");
        var networkId = args.Get("--network");
        if ((modelPath is null) == (networkId is null))
        {
            throw new UsageException("predict: give either --model FILE or --network ID");
        }

        // X1 X2 ... or X1,X2,... (as train --predict takes them)
        var x = args.Positional.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries))
            .Select((v, i) => Arguments.Number(v, $"predict: input {i + 1}")).ToArray();
        if (x.Length == 0)
        {
            throw new UsageException("predict: no inputs given (netorleans predict --model F X1 X2 ...)");
        }

        // An embedded silo starts while the model is read.
        var (cluster, model) = await ClusterConnection.OpenWhile(args.All("--gateway"), context.Info, CommandTelemetry.Settings(args), context.Clock, () =>
        {
            var read = modelPath is null ? null : ModelFile.Read(modelPath);
            if (read is not null)
            {
                CheckWidth(x, read.Spec.Inputs);
                context.Clock.Mark("model read");
            }

            return read;
        });
        await using var connection = cluster;
        using var span = CommandTelemetry.Start("predict");
        var id = networkId ?? $"predict-{Guid.NewGuid().ToString("N")[..8]}";
        var network = cluster.Grains.GetGrain<INetworkGrain>(id);
        NetworkSpec spec;
        if (model is not null)
        {
            await network.Create(ModelMessage.From(model), OptimizerSetup.From(new()), replace: false);
            spec = model.Spec;
            context.Clock.Mark("network created from the model");
        }
        else
        {
            var summary = await network.Describe();
            spec = new ModelMessage(summary.Inputs, summary.Layers, summary.Loss, [], [], summary.Classes, []).ToSpec();
            CheckWidth(x, spec.Inputs);
        }

        try
        {
            var a = (await network.Predict(x)).Value;
            context.Clock.Mark("predicted");
            foreach (var v in a)
            {
                context.Out.WriteLine(v.ToString("R", CultureInfo.InvariantCulture));
            }

            if (spec.Classes is { } classes)
            {
                context.Out.WriteLine($"class: {classes[Evaluation.PredictedClass(a)]}");
            }
        }
        finally
        {
            if (model is not null)
            {
                await network.Delete();
                context.Clock.Mark("network deleted");
            }
        }

        return 0;
    }

    /// <summary>Outputs as text: "0.951" or, for classes, "setosa (0.98, 0.01, 0.01)".</summary>
    public static string Format(double[] a, NetworkSpec spec)
    {
        var values = string.Join(", ", a.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return spec.Classes is { } classes ? $"{classes[Evaluation.PredictedClass(a)]} ({values})" : values;
    }

    private static void CheckWidth(double[] x, int inputs)
    {
        if (x.Length != inputs)
        {
            throw new UsageException($"predict: the network takes {inputs} inputs, got {x.Length}");
        }
    }
}
