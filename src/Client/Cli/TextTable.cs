namespace NetOrleans.Client.Cli;

/// <summary>
/// A list as `docker ps` prints one: a header row in capitals, then one row per item, each column padded to its
/// widest cell and two spaces between columns (no borders, so the rows stay easy to grep and cut).
/// </summary>
public static class TextTable
{
    /// <summary>Writes the header and rows to <paramref name="writer"/>; trailing spaces are trimmed.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(headers))
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }
}
