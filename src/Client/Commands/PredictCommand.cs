using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Connection;
using NetOrleans.Client.Telemetry;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>
/// `netorleans predict (--model F | --network ID) X1 X2 ...` (or X1,X2): the network's outputs, one per line; with
/// `--data D` instead of inputs, a table of every row of D.
/// </summary>
public static class PredictCommand
{

    public static async Task<int> Run(Arguments args, CommandContext context)
    {
        var modelPath = args.Get("--model");
        var networkId = args.Get("--network");
        if ((modelPath is null) == (networkId is null))
        {
            throw new UsageException("predict: give either --model FILE or --network ID");
        }

        var dataName = args.Get("--data");
        var x = InputRow.Parse(args.Positional, "predict: input");
        if (x.Length == 0 && dataName is null)
        {
            throw new UsageException("predict: no inputs given (netorleans predict --model F X1 X2 ..., X1,X2 or --data FILE.csv)");
        }

        if (x.Length > 0 && dataName is not null)
        {
            throw new UsageException("predict: give inputs or --data, not both");
        }

        if (args.Has("--label") && dataName is null)
        {
            throw new UsageException("predict: --label names a column of --data");
        }

        // An embedded silo starts while the model and the rows are read.
        var (cluster, (model, rows, fitted)) = await ClusterConnection.OpenWhile(GatewayAddresses.Of(args), context.Info, CommandTelemetry.Settings(args), context.Clock, () =>
        {
            var read = modelPath is null ? null : ModelFile.Read(modelPath).Model;
            var table = dataName is null ? null : PredictionTable.Load(dataName, args.Get("--label"));
            if (read is not null && table is null)
            {
                CheckWidth(x, read.Spec.Inputs);
            }

            context.Clock.Mark("inputs read");
            return (read, table, read is not null && table is not null ? PredictionTable.Fit(table, read.Spec.Inputs) : null);
        });
        await using var connection = cluster;
        using var span = CommandTelemetry.Start("predict");
        var id = networkId ?? $"predict-{Guid.NewGuid().ToString("N")[..8]}";
        var network = cluster.Grains.GetGrain<INetworkGrain>(id);
        NetworkSpec spec;
        if (model is not null)
        {
            await network.Create(model, new(), replace: false, history: []);
            spec = model.Spec;
        }
        else
        {
            var summary = await network.Describe();
            spec = summary.Spec;
            if (rows is null)
            {
                CheckWidth(x, spec.Inputs);
            }
        }

        try
        {
            if (rows is not null)
            {
                fitted ??= PredictionTable.Fit(rows, spec.Inputs);
                var outputs = (await network.Predict(fitted.X)).Value;
                PredictionTable.Write(context, fitted, outputs, spec);
                return 0;
            }

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
