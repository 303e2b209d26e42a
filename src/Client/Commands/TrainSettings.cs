using System.Globalization;
using NetOrleans.Client.Cli;
using NetOrleans.Client.Telemetry;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Core.Optimizers;
using NetOrleans.Grains.Interfaces.Messages;
using NetOrleans.Hosting.Telemetry;

namespace NetOrleans.Client.Commands;

/// <summary>Everything `netorleans train` was told, checked before any work starts.</summary>
public sealed record TrainSettings(
    DataSet Train,
    DataSet? Test,
    InitialModel Model,
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
    double CheckpointSeconds,
    double StorageTimeoutSeconds)
{
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
            LearningRate: args.Double("--lr", 0.1),
            Momentum: args.Double("--momentum", 0.9),
            Beta1: args.Double("--beta1", 0.9),
            Beta2: args.Double("--beta2", 0.999),
            Epsilon: args.Double("--eps", 1e-8),
            Kind: UsageCheck.Run(() => OptimizerKinds.Parse(args.Get("--optimizer") ?? "sgd")));
        UsageCheck.Run(optimizer.Validate);

        var data = DataSources.Load(args.Require("--data"), args.Get("--label"));
        if (data.Count == 0)
        {
            throw new UsageException($"--data: '{data.Name}' is empty");
        }

        var (train, test) = SplitOff(args, data, seed);
        var model = StartingModel.From(args, train, seed);
        var predictions = args.All("--predict").Select(p => InputRow.Parse([p], "--predict value")).ToArray();
        foreach (var p in predictions.Where(p => p.Length != model.Spec.Inputs))
        {
            throw new UsageException($"--predict: '{string.Join(",", p)}' has {p.Length} values but the network takes {model.Spec.Inputs} inputs");
        }

        if (args.Flag("--shuffle") && args.Flag("--no-shuffle"))
        {
            throw new UsageException("train: --shuffle and --no-shuffle contradict each other");
        }

        var shuffle = args.Flag("--shuffle") || (batchSize > 1 && !args.Flag("--no-shuffle"));
        var gateways = GatewayAddresses.Of(args);
        if (args.Flag("--detach") && gateways.Count == 0)
        {
            throw new UsageException("train: --detach needs --gateway (an embedded silo ends with this process)");
        }

        CheckOutput(args, "--out");
        CheckOutput(args, "--plot");
        var modelGiven = args.Has("--model") || args.Has("--layers");
        if (args.Get("--network") is null || modelGiven)
        {
            // The network will start from this model: its first forward pass must not overflow on the data.
            StartingModel.CheckOverflow(model, train, test);
        }

        if (args.Get("--plot") is { } plot && TrainingCharts.Refuse(plot) is { } refused)
        {
            throw new UsageException(refused);
        }

        return new TrainSettings(train, test, model, modelGiven, optimizer, epochs, batchSize, shuffle, seed, args.Get("--network"),
            args.Get("--out"), args.Get("--plot"), predictions, gateways, args.Flag("--detach"),
            CommandTelemetry.Settings(args), ParseTraceBatches(args.Get("--trace-batches")), ParseCheckpointSeconds(args),
            ParseStorageTimeout(args));
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

    /// <summary>--storage-timeout S: how long a job waits, paused, for lost storage or a settling cluster before it gives up (60).</summary>
    private static double ParseStorageTimeout(Arguments args)
    {
        var seconds = args.Double("--storage-timeout", JobRequest.DefaultStorageTimeoutSeconds);
        return seconds >= 0 && double.IsFinite(seconds) ? seconds : throw new UsageException($"train: --storage-timeout must be a number of seconds, 0 or more, got {seconds}");
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
        var (train, test) = UsageCheck.Run(() => DataSplit.Split(data, fraction, seed));
        DataSplit.CheckClasses(train, test);
        return (train, test);
    }

    /// <summary>
    /// A file written after training (--out, --plot) must be one this process can write, in a folder that exists, or
    /// the training is lost at the very end: checked by opening it for writing, which leaves the file system as it was.
    /// </summary>
    private static void CheckOutput(Arguments args, string option)
    {
        if (args.Get(option) is not { } path)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{option}: '{path}' is a folder, not a file (give a file name, e.g. {Path.Combine(path, option == "--out" ? "model.json" : "curves.png")})");
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            throw new UsageException($"{option}: the folder '{folder}' does not exist");
        }

        try
        {
            using var probe = File.Exists(full)
                ? new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
                : new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot write '{path}' ({e.Message})");
        }
    }
}
