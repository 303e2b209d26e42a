using Spectre.Console;

namespace NetOrleans.Client.Commands;

/// <summary>A Spectre console over a command's output: colours only in a terminal, and wide enough for tables and trees.</summary>
public static class OutConsole
{
    /// <summary>The console that writes to <see cref="CommandContext.Out"/>, at least 160 columns wide.</summary>
    public static IAnsiConsole Of(CommandContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(context.Out),
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        return console;
    }
}
