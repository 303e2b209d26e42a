using System.Diagnostics;
using NetOrleans.Client.Commands;

namespace NetOrleans.Cli.Tests;

/// <summary>
/// Runs netorleans in this process through <see cref="Client.Cli.Cli.Run"/>, as Program.cs does: results to one
/// writer, notes and errors (the process's standard error) to another.
/// </summary>
public static class InProcessCli
{
    public static async Task<CommandResult> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var watch = Stopwatch.StartNew();
        var code = await Client.Cli.Cli.Run(args, new CommandContext(output, error, Interactive: false), error);
        return new CommandResult(code, output.ToString(), error.ToString(), watch.Elapsed);
    }
}
