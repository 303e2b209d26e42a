using System.Reflection;
using NetOrleans.Client.Commands;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces.Faults;

namespace NetOrleans.Client.Cli;

/// <summary>The `netorleans` console: dispatches a command and turns every expected failure into one line and exit code 1.</summary>
public static class Cli
{
    public const string Usage = """
        usage: netorleans <command> [options]
          train    --data <gender|xor|iris|mnist|FILE.csv|FILE-idx3-ubyte[.gz]> [--model INIT.json | --layers 2,2,1
                   --activation sigmoid --output sigmoid --seed N] [--loss mse|cross-entropy] [--epochs 1000] [--lr 0.1]
                   [--batch-size 1] [--optimizer sgd|momentum|adam] [--shuffle|--no-shuffle] [--scale none|standard|minmax]
                   [--test-fraction F] [--out MODEL.json] [--plot CURVES.svg|.png] [--network ID] [--predict X1,X2 ...]
                   [--gateway HOST:PORT ...] [--detach]
                   [--trace console[,orleans]] [--trace-batches first|N|all] [--checkpoint-seconds 5] [--storage-timeout 60]
          predict  (--model MODEL.json | --network ID) (X1 X2 ... | X1,X2 | --data FILE.csv [--label COLUMN]) [--gateway HOST:PORT]
                   [--trace console[,orleans]]
          explain  (--model MODEL.json | --network ID [--gateway HOST:PORT]) X1 X2 ... (or X1,X2) [--target Y1,Y2 | --target CLASS]
          evaluate (--model MODEL.json | --network ID) --data D [--split test|train|all] [--test-fraction F --seed N]
          networks [list | show ID | create ID --layers 784,256,10 [--activation relu --output softmax --loss L --seed N]
                   | export ID FILE | import FILE [--network ID] | delete ID | checkpoint ID] --gateway HOST:PORT
                   (create also runs on a silo of its own, to try a size)
          jobs     [list | watch ID | cancel ID] --gateway HOST:PORT
        Every command takes --verbose: a stopwatch log of its stages on standard error. netorleans --version: the version.
        With no --gateway (and no NETORLEANS_GATEWAY=HOST:PORT[,HOST:PORT]), netorleans hosts a silo in its own process.
        Ctrl-C in train: stops the job after the batch in flight (with --gateway: asks cancel or detach), exit code 130;
        a second Ctrl-C quits at once.
        OTEL_EXPORTER_OTLP_ENDPOINT set: spans and metrics go there too.
        NETORLEANS_CLUSTER_ID and NETORLEANS_SERVICE_ID: the cluster's ids when its silos were given other ones (default netorleans).
        """;

    /// <summary>The flag any command takes for a stopwatch log of its stages (<see cref="StageClock"/>).</summary>
    public const string VerboseFlag = "--verbose";

    /// <summary>This program's version, as packed (the informational version, without the source revision).</summary>
    public static string Version =>
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>Runs one command line.</summary>
    public static async Task<int> Run(string[] args, CommandContext context, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            context.Out.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }

        if (args[0] == "--version")
        {
            context.Out.WriteLine($"netorleans {Version}");
            return 0;
        }

        if (args.Contains(VerboseFlag))
        {
            args = [.. args.Where(a => a != VerboseFlag)];
            context = context with { Clock = StageClock.Start(error) };
        }

        try
        {
            var rest = args[1..];
            var code = args[0] switch
            {
                "train" => await TrainCommand.Run(Arguments.Parse("train", rest, TrainSettings.Options, TrainSettings.Flags, rows: ["--predict"]), context),
                "predict" => await PredictCommand.Run(Arguments.Parse("predict", rest, PredictCommand.Options, []), context),
                "explain" => await ExplainCommand.Run(Arguments.Parse("explain", rest, ExplainCommand.Options, []), context),
                "evaluate" => await EvaluateCommand.Run(Arguments.Parse("evaluate", rest, EvaluateCommand.Options, []), context),
                "networks" => await NetworksCommand.Run(Arguments.Parse("networks", rest, NetworksCommand.Options, []), context),
                "jobs" => await JobsCommand.Run(Arguments.Parse("jobs", rest, JobsCommand.Options, []), context),
                _ => throw new UsageException($"unknown command '{args[0]}' (commands: train, predict, explain, evaluate, networks, jobs; netorleans --help)"),
            };
            context.Clock.Mark("command finished");
            return code;
        }
        catch (Exception e) when (e is UsageException or DataFormatException or ModelFormatException or ArgumentException
            or KeyNotFoundException or InvalidOperationException or ArithmeticException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"netorleans: {OneLine(e.Message)}");
            return 1;
        }
        catch (Exception e)
        {
            error.WriteLine($"netorleans: {FaultText.Describe(e)}");
            return 1;
        }
    }

    /// <summary>A message the console means for the user: one line, whole (only dumps and stack frames are cut).</summary>
    private static string OneLine(string message) => FaultText.OneLine(message, int.MaxValue);
}
