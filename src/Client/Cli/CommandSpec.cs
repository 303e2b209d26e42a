namespace NetOrleans.Client.Cli;

/// <summary>
/// A command of the console as the parser and its help know it: name, one-line summary, what its positional values are,
/// and every option it takes. <see cref="Rows"/> are options whose value is a row of numbers: the numbers typed after
/// the value join it (<c>--predict 128 63</c> is <c>--predict 128,63</c>).
/// </summary>
public sealed record CommandSpec(string Name, string Summary, string? Positional, IReadOnlyList<CommandOption> Options, IReadOnlyList<string> Rows)
{
    /// <summary>Every option name this command takes.</summary>
    public IEnumerable<string> Names => Options.Select(o => o.Name);
}
