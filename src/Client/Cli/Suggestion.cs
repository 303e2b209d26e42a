namespace NetOrleans.Client.Cli;

/// <summary>"Did you mean": the known word nearest a mistyped one, by edit distance (Levenshtein), or by prefix.</summary>
public static class Suggestion
{
    /// <summary>The known word closest to <paramref name="typed"/>, or null when none is near enough to be what was meant.</summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Word: k, Distance: k.StartsWith(typed, StringComparison.Ordinal) || typed.StartsWith(k, StringComparison.Ordinal) ? 1 : Distance(typed, k)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .FirstOrDefault();
        var allowed = Math.Max(2, typed.TrimStart('-').Length / 3);
        return best.Word is not null && best.Distance <= allowed ? best.Word : null;
    }

    /// <summary>Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
