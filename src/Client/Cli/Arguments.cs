using System.Globalization;

namespace NetOrleans.Client.Cli;

/// <summary>
/// A command's arguments: options (--name value, repeatable), flags (--name) and positional values.
/// Every option must be declared by the command, so a misspelt one is an error rather than ignored.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = [];
    private readonly HashSet<string> _flags = [];

    private Arguments(string command) => Command = command;

    /// <summary>The command these arguments are for, as named in errors.</summary>
    public string Command { get; }

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/> against the options and flags the command knows.</summary>
    /// <param name="rows">options whose value is a row of numbers: the numbers after the value join it ("--predict 128 63" is "--predict 128,63")</param>
    public static Arguments Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags,
        IReadOnlyCollection<string>? rows = null)
    {
        var result = new Arguments(command);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || IsNumber(arg))
            {
                result.Positional.Add(arg);
                continue;
            }

            var name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (flags.Contains(name) && inline is null)
            {
                result._flags.Add(name);
            }
            else if (options.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{command}: option {name} needs a value"));
                while (rows?.Contains(name) == true && i + 1 < args.Count && IsNumber(args[i + 1]))
                {
                    value += "," + args[++i];
                }
                if (!result._options.TryGetValue(name, out var list))
                {
                    result._options[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                var known = options.Concat(flags).Order();
                throw new UsageException($"{command}: unknown option '{name}' (known: {string.Join(" ", known)})");
            }
        }

        return result;
    }

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

    private static bool IsNumber(string arg) => double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
