namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// A deliberately light English stemmer: folds plurals and strips one common derivational or inflectional
/// suffix (<c>caching</c>, <c>cached</c>, <c>cache</c> → <c>cach</c>). It only needs to map variants of a word to
/// the same key on both sides of a comparison, not to produce real roots. Works in place on a lowercase buffer.
/// </summary>
internal static class LightStemmer
{
    private static readonly (string Suffix, string Replacement)[] PluralRules =
    [
        ("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
    ];

    // Inflections first (caching, cached, quickly), then one derivational suffix (partition, replication), so
    // "partitioning" and "partition" meet. Longest first within each list; the first that fits wins.
    private static readonly string[] Inflections = ["ings", "ing", "edly", "ed", "ly"];

    private static readonly string[] Derivations =
    [
        "ational", "ization", "ation", "ition", "ments", "ment", "ness", "ity", "er", "ive", "ible", "able", "al", "e",
    ];

    /// <summary>Stems <paramref name="word"/> (lowercase) in place and returns the new length.</summary>
    public static int Stem(Span<char> word)
    {
        var length = word.Length;
        if (length <= 3)
        {
            return length;
        }

        foreach (var (suffix, replacement) in PluralRules)
        {
            if (word[..length].EndsWith(suffix, StringComparison.Ordinal))
            {
                var stemLength = length - suffix.Length;
                replacement.AsSpan().CopyTo(word[stemLength..]);
                return StripSuffix(word, stemLength + replacement.Length);
            }
        }

        var w = word[..length];
        if (w[^1] == 's' && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            length--;
        }

        return StripSuffix(word, length);
    }

    private static int StripSuffix(Span<char> word, int length)
    {
        length = Undouble(word, Strip(word, length, Inflections));
        return Undouble(word, Strip(word, length, Derivations));
    }

    private static int Strip(Span<char> word, int length, string[] suffixes)
    {
        var w = word[..length];
        foreach (var suffix in suffixes)
        {
            if (length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return length - suffix.Length;
            }
        }

        return length;
    }

    // A final double consonant left by a strip (running → runn → run), except l/s/z (call, pass, buzz).
    private static int Undouble(Span<char> word, int length) =>
        length > 3 && word[length - 1] == word[length - 2] && word[length - 1] is not ('l' or 's' or 'z') ? length - 1 : length;
}
