namespace ScreeningBot.Dialogs.Profiles;

/// <summary>Finds the closest known name to a misspelt one, for "did you mean" hints.</summary>
internal static class NameSuggester
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/>: one that matches ignoring case, <c>_</c> and <c>-</c>,
    /// or else the nearest by edit distance when the distance is small for the word's length. Null when none is close.
    /// </summary>
    public static string? Suggest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        var normalised = Normalise(input);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, input, StringComparison.Ordinal))
            {
                continue;
            }

            var candidateNormalised = Normalise(candidate);
            if (candidateNormalised == normalised)
            {
                return candidate;
            }

            var distance = Distance(normalised, candidateNormalised);
            if (distance < bestDistance || (distance == bestDistance && IsBetterTie(normalised, candidateNormalised, best)))
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        var allowed = Math.Max(1, Math.Min(3, normalised.Length / 4));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean "x"?" or empty, ready to append to a message.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Suggest(input, candidates) is { } suggestion ? $" Did you mean \"{suggestion}\"?" : string.Empty;

    /// <summary>On equal distance, prefer a candidate that starts with the same letter ("hnit" is "hint", not "unit").</summary>
    private static bool IsBetterTie(string input, string candidate, string? best) =>
        best is not null && input.Length > 0 && candidate.Length > 0 && candidate[0] == input[0] && Normalise(best) is { Length: > 0 } b && b[0] != input[0];

    private static string Normalise(string value) =>
        new(value.Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// Edit distance counting an insertion, deletion, substitution or swap of two neighbouring letters as one
    /// (optimal string alignment), so "nmae" is one edit from "name". Bounded to short strings: names and ids
    /// are at most a few dozen characters.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > 128 || b.Length > 128)
        {
            return int.MaxValue;
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
