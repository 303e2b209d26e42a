using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Connection;
using NetOrleans.Core.Data;
using NetOrleans.Core.Losses;
using NetOrleans.Core.Models;
using NetOrleans.Core.Training;
using NetOrleans.Grains.Interfaces;
using NetOrleans.Grains.Interfaces.Messages;

namespace NetOrleans.Client.Commands;

/// <summary>
/// `netorleans evaluate (--model F | --network ID) --data D [--split test|train|all]`: prints `loss: v` and,
/// for classes, `accuracy: v` and the confusion matrix.
/// </summary>
public static class EvaluateCommand
{

    private const int Rows = 1024;

    public static async Task<int> Run(Arguments args, CommandContext context)
    {
        var modelPath = args.Get("--model");
        var networkId = args.Get("--network");
        if ((modelPath is null) == (networkId is null))
        {
            throw new UsageException("evaluate: give either --model FILE or --network ID");
        }

        var data = Split(args, DataSources.Load(args.Require("--data"), args.Get("--label")));
        var model = modelPath is null ? null : ModelFile.Read(modelPath).Model;
        await using var cluster = await ClusterConnection.Open(GatewayAddresses.Of(args), context.Info);
        var id = networkId ?? $"evaluate-{Guid.NewGuid().ToString("N")[..8]}";
        var network = cluster.Grains.GetGrain<INetworkGrain>(id);
        if (model is not null)
        {
            await network.Create(model, new(), replace: false, history: []);
        }

        try
        {
            var s = await network.Describe();
            var spec = s.Spec;
            if (data.Features != spec.Inputs || data.Targets != spec.Outputs)
            {
                throw new UsageException($"evaluate: '{data.Name}' has {data.Features} features and {data.Targets} targets but the network takes {spec.Inputs} inputs and has {spec.Outputs} outputs");
            }

            var evaluation = await Evaluate(network, spec, data);
            context.Out.WriteLine($"loss: {evaluation.Loss.ToString("R", CultureInfo.InvariantCulture)}");
            if (evaluation.Accuracy is { } accuracy)
            {
                context.Out.WriteLine($"accuracy: {accuracy.ToString("R", CultureInfo.InvariantCulture)}");
                ConfusionTable.Write(context, evaluation, spec.Classes ?? data.Classes);
            }

            return 0;
        }
        finally
        {
            if (model is not null)
            {
                await network.Delete();
            }
        }
    }

    /// <summary>Predicts every row of <paramref name="data"/> through the network and accumulates loss and accuracy.</summary>
    public static async Task<Evaluation> Evaluate(INetworkGrain network, NetworkSpec spec, DataSet data)
    {
        var evaluation = new Evaluation(spec.Loss.Function(), spec.Outputs, data.Classes is not null);
        for (var start = 0; start < data.Count; start += Rows)
        {
            var rows = Math.Min(Rows, data.Count - start);
            var a = await network.Predict(data.X.AsSpan(start * data.Features, rows * data.Features).ToArray());
            evaluation.Add(a.Value, data.Y.AsSpan(start * data.Targets, rows * data.Targets));
        }

        return evaluation;
    }

    private static DataSet Split(Arguments args, DataSet data)
    {
        var split = args.Get("--split");
        if (split is not (null or "test" or "train" or "all"))
        {
            throw new UsageException($"evaluate: --split must be test, train or all, got '{split}'");
        }

        var test = data.Test;
        var train = data;
        if (args.Get("--test-fraction") is not null)
        {
            try
            {
                (train, test) = DataSplit.Split(data, args.Double("--test-fraction", 0), args.Int("--seed", 1, 0));
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"evaluate: {e.Message}");
            }
        }

        return split switch
        {
            "train" => train with { Test = null },
            "all" => data.Test is null ? data : Concat(data, data.Test),
            "test" => test ?? throw new UsageException($"evaluate: '{data.Name}' has no test split (give --test-fraction F --seed N, or --split all)"),
            _ => test ?? data,
        };
    }

    private static DataSet Concat(DataSet a, DataSet b) =>
        a with { X = [.. a.X, .. b.X], Y = [.. a.Y, .. b.Y], Test = null };
}
