using System.Globalization;

namespace NetOrleans.Client.Cli;

/// <summary>"1 epoch", "2 epochs": a count with its noun in the right number (English, regular plurals).</summary>
public static class Plural
{
    /// <summary>The count, a space and the noun, with an s unless the count is 1.</summary>
    public static string Of(long count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
