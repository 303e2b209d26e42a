using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Telemetry;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Silo.Telemetry;

namespace NetOrleans.Client.Commands;

/// <summary>Everything `netorleans train` was told, checked before any work starts.</summary>
public sealed record TrainSettings(
    DataSet Train,
    DataSet? Test,
    NetworkModel Model,
    bool ModelGiven,
    OptimizerSettings Optimizer,
    int Epochs,
    int BatchSize,
    bool Shuffle,
    long Seed,
    string? NetworkId,
    string? Out,
    string? Plot,
    IReadOnlyList<double[]> Predictions,
    IReadOnlyList<string> Gateways,
    bool Detach,
    TelemetrySettings Telemetry,
    int TraceBatches,
    double CheckpointSeconds)
{
    public static readonly string[] Options =
    [
        "--data", "--label", "--model", "--layers", "--activation", "--output", "--loss", "--seed", "--epochs", "--lr",
        "--batch-size", "--optimizer", "--momentum", "--beta1", "--beta2", "--eps", "--scale", "--test-fraction",
        "--out", "--plot", "--network", "--predict", "--gateway", CommandTelemetry.Option, "--trace-batches", "--checkpoint-seconds",
    ];

    public static readonly string[] Flags = ["--shuffle", "--no-shuffle", "--detach"];

    /// <summary>Reads and checks the arguments, loading the data and building the initial model.</summary>
    public static TrainSettings Parse(Arguments args)
    {
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"train: unexpected argument '{args.Positional[0]}'");
        }

        var seed = (long)args.Int("--seed", 1, 0);
        var epochs = args.Int("--epochs", 1000, 1, 1_000_000);
        var batchSize = args.Int("--batch-size", 1, 1, 1_000_000);
        var optimizer = new OptimizerSettings(
            args.Get("--optimizer") ?? "sgd",
            args.Double("--lr", 0.1),
            args.Double("--momentum", 0.9),
            args.Double("--beta1", 0.9),
            args.Double("--beta2", 0.999),
            args.Double("--eps", 1e-8));
        Check(optimizer.Validate);

        var data = DataSources.Load(args.Require("--data"), args.Get("--label"));
        if (data.Count == 0)
        {
            throw new UsageException($"--data: '{data.Name}' is empty");
        }

        var (train, test) = SplitOff(args, data, seed);
        var model = BuildModel(args, train, seed);
        var predictions = args.All("--predict").Select(p => p.Split(',').Select(v => Arguments.Number(v.Trim(), "--predict value")).ToArray()).ToArray();
        foreach (var p in predictions.Where(p => p.Length != model.Spec.Inputs))
        {
            throw new UsageException($"--predict: '{string.Join(",", p)}' has {p.Length} values but the network takes {model.Spec.Inputs} inputs");
        }

        if (args.Flag("--shuffle") && args.Flag("--no-shuffle"))
        {
            throw new UsageException("train: --shuffle and --no-shuffle contradict each other");
        }

        var shuffle = args.Flag("--shuffle") || (batchSize > 1 && !args.Flag("--no-shuffle"));
        var gateways = args.All("--gateway");
        if (args.Flag("--detach") && gateways.Count == 0)
        {
            throw new UsageException("train: --detach needs --gateway (an embedded silo ends with this process)");
        }

        CheckFolder(args, "--out");
        CheckFolder(args, "--plot");

        return new TrainSettings(train, test, model, args.Has("--model") || args.Has("--layers"), optimizer, epochs, batchSize, shuffle, seed, args.Get("--network"),
            args.Get("--out"), args.Get("--plot"), predictions, gateways, args.Flag("--detach"),
            CommandTelemetry.Settings(args), ParseTraceBatches(args.Get("--trace-batches")), ParseCheckpointSeconds(args));
    }

    /// <summary>
    /// --checkpoint-seconds S: checkpoint after an epoch once S seconds have passed since the last (0: every epoch);
    /// by default <see cref="JobRequest.DefaultCheckpointSeconds"/>, as for any job.
    /// </summary>
    private static double ParseCheckpointSeconds(Arguments args)
    {
        var seconds = args.Double("--checkpoint-seconds", JobRequest.DefaultCheckpointSeconds);
        return seconds >= 0 ? seconds : throw new UsageException($"train: --checkpoint-seconds must be 0 or more, got {seconds}");
    }

    /// <summary>--trace-batches: first (the default: the first batch of every epoch), N (every Nth batch) or all.</summary>
    private static int ParseTraceBatches(string? text) => text switch
    {
        null or "first" => 0,
        "all" => 1,
        _ when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 => n,
        _ => throw new UsageException($"--trace-batches must be first, all or a whole number N >= 1 (every Nth batch), got '{text}'"),
    };

    private static (DataSet Train, DataSet? Test) SplitOff(Arguments args, DataSet data, long seed)
    {
        if (args.Get("--test-fraction") is null)
        {
            return (data, data.Test);
        }

        if (data.Test is not null)
        {
            throw new UsageException($"--test-fraction: '{data.Name}' has a fixed test split already");
        }

        var fraction = args.Double("--test-fraction", 0);
        var (train, test) = Check(() => DataSplit.Split(data, fraction, seed));
        DataSplit.CheckClasses(train, test);
        return (train, test);
    }

    /// <summary>The model to start from: --model, or --layers (by default n,2,k), initialised from --seed.</summary>
    private static NetworkModel BuildModel(Arguments args, DataSet train, long seed)
    {
        if (args.Get("--model") is { } path)
        {
            if (args.Has("--layers"))
            {
                throw new UsageException("train: give --model or --layers, not both");
            }

            var model = ModelFile.Read(path);
            CheckFits(model.Spec, train, path);
            return model;
        }

        var layers = args.Get("--layers") ?? $"{train.Features},2,{train.Targets}";

        var sizes = layers.Split(',').Select(s => int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new UsageException($"--layers: '{s}' in '{layers}' is not a whole number")).ToArray();
        var hidden = args.Get("--activation") ?? "sigmoid";
        var output = args.Get("--output") ?? (train.Classes is { Count: > 2 } || (train.Classes is not null && train.Targets > 1) ? "softmax" : hidden);
        var loss = args.Get("--loss") ?? (output == "softmax" ? "cross-entropy" : "mse");
        var spec = Check(() => NetworkSpec.Create(sizes, hidden, output, loss));
        Check(spec.Validate);
        CheckFits(spec, train, "--layers");
        var (shift, scale) = Scale(args, train);
        spec = spec with { InputShift = shift, InputScale = scale, Classes = train.Classes };
        Check(spec.Validate);
        return Initialization.Create(spec, seed);
    }

    private static (double[] Shift, double[] Scale) Scale(Arguments args, DataSet train)
    {
        var method = Check(() => Scaling.Parse(args.Get("--scale") ?? "none"));
        if (method != "none")
        {
            return Scaling.Fit(train, method);
        }

        return (train.InputShift ?? new double[train.Features], train.InputScale ?? Enumerable.Repeat(1.0, train.Features).ToArray());
    }

    private static void CheckFits(NetworkSpec spec, DataSet train, string source)
    {
        if (spec.Inputs != train.Features)
        {
            throw new UsageException($"{source}: the network takes {spec.Inputs} inputs but '{train.Name}' has {train.Features} features");
        }

        if (spec.Outputs != train.Targets)
        {
            throw new UsageException($"{source}: the network has {spec.Outputs} outputs but '{train.Name}' has {train.Targets} target columns");
        }
    }

    /// <summary>A file written after training (--out, --plot) needs a folder that exists, or the training is lost at the very end.</summary>
    private static void CheckFolder(Arguments args, string option)
    {
        if (args.Get(option) is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"{option}: the folder '{folder}' does not exist");
        }
    }

    private static void Check(Action action) => Check(() => { action(); return 0; });

    private static T Check<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
