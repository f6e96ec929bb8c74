namespace ScreeningBot.Dialogs.Judging;

/// <summary>The content words of an answer, indexed for matching against reference and area terms.</summary>
internal sealed class AnswerIndex
{
    private readonly HashSet<string> _stems;
    private readonly Dictionary<string, int> _termCounts;

    private AnswerIndex(HashSet<string> stems, Dictionary<string, int> termCounts, int contentCount)
    {
        _stems = stems;
        _termCounts = termCounts;
        ContentCount = contentCount;
    }

    /// <summary>Content words (not function words), repeats included.</summary>
    public int ContentCount { get; }

    /// <summary>Distinct content terms.</summary>
    public int DistinctCount => _termCounts.Count;

    public IEnumerable<string> Terms => _termCounts.Keys;

    /// <summary>The count of the most frequent term (ties: the ordinally smallest term, for determinism).</summary>
    public (int Count, string? Term) MostFrequent
    {
        get
        {
            (int Count, string? Term) best = (0, null);
            foreach (var (term, count) in _termCounts)
            {
                if (count > best.Count || (count == best.Count && string.CompareOrdinal(term, best.Term) < 0))
                {
                    best = (count, term);
                }
            }

            return best;
        }
    }

    public static AnswerIndex Build(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        // Sized once for every content word: growing them by doubling allocated about as much again as their final size.
        var capacity = 0;
        foreach (var token in tokens)
        {
            capacity += token.IsFunctionWord ? 0 : 1;
        }

        var stems = new HashSet<string>(capacity, StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        var content = 0;
        foreach (var token in tokens)
        {
            if (token.IsFunctionWord)
            {
                continue;
            }

            content++;
            stems.Add(token.Stem);
            counts[token.Term] = counts.TryGetValue(token.Term, out var n) ? n + 1 : 1;
        }

        return new AnswerIndex(stems, counts, content);
    }

    public bool ContainsTerm(string term) => _termCounts.ContainsKey(term);

    /// <summary>Weighted share of <paramref name="terms"/> found in the answer (0–1), each matched as by <see cref="Match"/>.</summary>
    public double Coverage(IReadOnlyList<WeightedTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        double total = 0, found = 0;
        foreach (var term in terms)
        {
            total += term.Weight;
            found += term.Weight * Match(term);
        }

        return total == 0 ? 0 : found / total;
    }

    /// <summary>How well the answer contains <paramref name="term"/>: 1 same stem, 0.9 same synonym group, 0.8 shared prefix, else 0.</summary>
    public double Match(WeightedTerm term, double synonymMatch = 0.9, double prefixMatch = 0.8, int softPrefix = 5)
    {
        if (_stems.Contains(term.Stem))
        {
            return 1.0;
        }

        if (_termCounts.ContainsKey(term.Term))
        {
            return synonymMatch;
        }

        if (term.Stem.Length < 4)
        {
            return 0;
        }

        foreach (var stem in _stems)
        {
            if (SharePrefix(term.Stem, stem, softPrefix))
            {
                return prefixMatch;
            }
        }

        return 0;
    }

    // "reusab" and "reus", "simulat" and "simul": a long shared prefix, or the whole of a shorter word of 4+ letters.
    private static bool SharePrefix(string a, string b, int softPrefix)
    {
        var n = Math.Min(a.Length, b.Length);
        if (n < 4)
        {
            return false;
        }

        var k = a.AsSpan().CommonPrefixLength(b);
        return k >= softPrefix || k == n;
    }
}
