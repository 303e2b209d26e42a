using NetOrleans.Client.Cli;
using Spectre.Console;

namespace NetOrleans.Client.Commands;

/// <summary>Where a command writes: results to Out, progress and notes to Info, and whether Out is a terminal.</summary>
/// <param name="Out">results (predictions, losses)</param>
/// <param name="Info">notes such as which silo is used</param>
/// <param name="Interactive">true when a progress bar can be drawn (then lines go through Spectre.Console, above the bar)</param>
/// <param name="Interrupts">this process's Ctrl-C; by default one that is never pressed</param>
/// <param name="CanAsk">true when a question can be asked on the terminal (standard input is one)</param>
public sealed record CommandContext(TextWriter Out, TextWriter Info, bool Interactive, CtrlC? Interrupts = null, bool CanAsk = false)
{
    /// <summary>Ctrl-C: pressed never, unless the process's own was given.</summary>
    public CtrlC CtrlC { get; } = Interrupts ?? CtrlC.NeverPressed();

    /// <summary>The --verbose stopwatch log of the command's stages; off unless asked for.</summary>
    public StageClock Clock { get; init; } = StageClock.Off;

    /// <summary>Writes a line of results.</summary>
    public void WriteLine(string line)
    {
        if (Interactive)
        {
            AnsiConsole.WriteLine(line);
        }
        else
        {
            Out.WriteLine(line);
        }
    }
}
