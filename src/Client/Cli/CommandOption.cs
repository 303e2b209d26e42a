namespace NetOrleans.Client.Cli;

/// <summary>
/// One option a command takes, as its help lists it: <c>--name VALUE  description [default: x]</c>.
/// A flag (<see cref="Value"/> null) takes no value; an option may be given more than once only when the command says so.
/// </summary>
/// <param name="Name">the option as typed, e.g. <c>--epochs</c></param>
/// <param name="Value">what its value is, e.g. <c>N</c>; null for a flag</param>
/// <param name="Description">one line</param>
/// <param name="Default">the value used when the option is not given, as help shows it; null when there is none</param>
public sealed record CommandOption(string Name, string? Value, string Description, string? Default = null)
{
    /// <summary>An option that takes no value.</summary>
    public static CommandOption Flag(string name, string description) => new(name, null, description);

    /// <summary>True for an option that takes no value.</summary>
    public bool IsFlag => Value is null;
}
