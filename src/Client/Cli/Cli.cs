using System.Reflection;
using NetOrleans.Client.Commands;
using NetOrleans.Core.Data;
using NetOrleans.Core.Models;
using NetOrleans.Grains.Interfaces.Faults;

namespace NetOrleans.Client.Cli;

/// <summary>The `netorleans` console: dispatches a command and turns every expected failure into one line and exit code 1.</summary>
public static class Cli
{
    private static readonly CommandTree Tree = new();

    /// <summary>The console's help: every command, and the notes that hold for all of them.</summary>
    public static string Usage => Tree.Help();

    /// <summary>The arguments of one command line (its first value the command), as the command will read them.</summary>
    public static Arguments ParseArguments(IReadOnlyList<string> args) =>
        Tree.Parse(args).Arguments ?? throw new UsageException("that command line asks for help, not a command");

    /// <summary>This program's version, as packed (the informational version, without the source revision).</summary>
    public static string Version =>
        typeof(Cli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>Runs one command line.</summary>
    public static async Task<int> Run(string[] args, CommandContext context, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "help" && args.Length == 1)
        {
            context.Out.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }

        if (args[0] == "--version")
        {
            context.Out.WriteLine($"netorleans {Version}");
            return 0;
        }

        try
        {
            var line = Tree.Parse(args[0] == "help" ? [.. args[1..], "--help"] : args);
            if (line.Help is not null)
            {
                context.Out.WriteLine(line.Help);
                return 0;
            }

            if (line.Verbose)
            {
                context = context with { Clock = StageClock.Start(error) };
            }

            var arguments = line.Arguments!;
            var code = line.Command!.Name switch
            {
                "train" => await TrainCommand.Run(arguments, context),
                "predict" => await PredictCommand.Run(arguments, context),
                "explain" => await ExplainCommand.Run(arguments, context),
                "evaluate" => await EvaluateCommand.Run(arguments, context),
                "networks" => await NetworksCommand.Run(arguments, context),
                "jobs" => await JobsCommand.Run(arguments, context),
                "trace" => await TraceCommand.Run(arguments, context),
                var name => throw new InvalidOperationException($"command '{name}' is in the catalog but has no handler"),
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
