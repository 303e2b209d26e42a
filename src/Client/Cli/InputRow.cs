namespace NetOrleans.Client.Cli;

/// <summary>
/// One sample's inputs as typed on the command line, in either form: "128,63" or "128 63" (or both mixed), as
/// positional arguments or as one option value.
/// </summary>
public static class InputRow
{
    private static readonly char[] Separators = [',', ' ', '\t'];

    /// <summary>The numbers in <paramref name="parts"/>, each part split at commas and spaces.</summary>
    /// <param name="parts">command-line words, e.g. ["128,63"] or ["128", "63"]</param>
    /// <param name="what">what the numbers are, for errors ("predict: input")</param>
    public static double[] Parse(IEnumerable<string> parts, string what) => parts
        .SelectMany(p => p.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        .Select((v, i) => Arguments.Number(v, $"{what} {i + 1}"))
        .ToArray();
}
