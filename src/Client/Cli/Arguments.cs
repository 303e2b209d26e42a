using System.Globalization;

namespace NetOrleans.Client.Cli;

/// <summary>
/// A command's arguments as <see cref="CommandTree"/> parsed them: options (--name value, repeatable), flags (--name)
/// and positional values, read with the checks every command shares (a value given twice, a number out of range).
/// </summary>
public sealed class Arguments
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _options;
    private readonly IReadOnlySet<string> _flags;

    public Arguments(string command, IReadOnlyList<string> positional, IReadOnlyDictionary<string, IReadOnlyList<string>> options, IReadOnlySet<string> flags)
    {
        Command = command;
        Positional = positional;
        _options = options;
        _flags = flags;
    }

    /// <summary>The command these arguments are for, as named in errors.</summary>
    public string Command { get; }

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>True when the flag was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>True when the option was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Every value given for a repeatable option.</summary>
    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var list) ? list : [];

    /// <summary>The option's value, or null; given twice is an error.</summary>
    public string? Get(string name)
    {
        var all = All(name);
        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => throw new UsageException($"{Command}: option {name} given {all.Count} times"),
        };
    }

    /// <summary>The option's value; missing is an error.</summary>
    public string Require(string name) => Get(name) ?? throw new UsageException($"{Command}: option {name} is required");

    /// <summary>The option as an integer in [min, max], or the default.</summary>
    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new UsageException($"{Command}: {name} must be a whole number from {min} to {max}, got '{text}'");
    }

    /// <summary>The option as a finite number, or the default.</summary>
    public double Double(string name, double fallback)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"{Command}: {name} must be a finite number, got '{text}'");
    }

    /// <summary>Parses a finite number, naming what it is in the error.</summary>
    public static double Number(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new UsageException($"{what} '{text}' is not a finite number");
}
