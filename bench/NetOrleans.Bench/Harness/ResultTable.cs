using System.Text;

namespace NetOrleans.Bench.Harness;

/// <summary>The rows gathered so far, printed as an aligned text table or as Markdown.</summary>
public sealed class ResultTable
{
    private static readonly string[] Headers = ["scenario", "per", "grains", "reference", "ratio", "note"];
    private readonly List<Row> _rows = [];

    public IReadOnlyList<Row> Rows => _rows;

    public void Add(Row row) => _rows.Add(row);

    public string ToText(bool markdown)
    {
        var cells = _rows.Select(r => new[]
        {
            r.Scenario,
            r.Per,
            Format.Value(r.Grains, r.Unit),
            r.Reference is { } reference ? Format.Value(reference, r.Unit) : "-",
            r.Ratio is { } ratio ? $"{Format.Number(ratio)}x" : "-",
            r.Note,
        }).ToList();
        var text = new StringBuilder();
        if (markdown)
        {
            text.AppendLine($"| {string.Join(" | ", Headers)} |");
            text.AppendLine($"|{string.Join("|", Headers.Select((_, i) => i is 2 or 3 or 4 ? "---:" : "---"))}|");
            foreach (var row in cells)
            {
                text.AppendLine($"| {string.Join(" | ", row.Select(c => c.Replace("|", "/")))} |");
            }

            return text.ToString();
        }

        var widths = Headers.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        string Line(IReadOnlyList<string> row) => string.Join("  ", row.Select((c, i) =>
            i == row.Count - 1 ? c : i is 2 or 3 or 4 ? c.PadLeft(widths[i]) : c.PadRight(widths[i])));
        text.AppendLine(Line(Headers));
        text.AppendLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var row in cells)
        {
            text.AppendLine(Line(row).TrimEnd());
        }

        return text.ToString();
    }
}
