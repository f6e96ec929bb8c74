namespace ScreeningBot.Bot.Cli;

/// <summary>"Did you mean …?" for a mistyped verb or option: the closest known name by edit distance.</summary>
internal static class CliSuggestion
{
    /// <summary>
    /// The known name closest to <paramref name="typed"/>, or null when none is close: within half the name's length in
    /// edits (a swap of two neighbours counts as one), or starting with what was typed (<c>validate</c>).
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var lowered = typed.ToLowerInvariant();
        return known
            .Select(name => (Name: name, Distance: Distance(lowered, name.ToLowerInvariant())))
            .Where(c => c.Distance <= c.Name.Length / 2 || (lowered.Length >= 3 && c.Name.StartsWith(lowered, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue; // not a typo of a verb or option name
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
