namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// Word n-grams of a text as stable 64-bit hashes, for recognising copied or repeated passages. Words are compared
/// by stem and synonym group (function words as written), so inflections do not hide a copy. Hashes are FNV-1a and
/// stable across processes, so they can be stored with an interview.
/// </summary>
internal static class Shingles
{
    /// <summary>Words per n-gram: long enough that two independent answers rarely share one, short enough to survive light edits.</summary>
    public const int Size = 4;

    public static HashSet<long> Of(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var set = new HashSet<long>();
        for (var i = 0; i + Size <= tokens.Count; i++)
        {
            set.Add(At(tokens, i));
        }

        return set;
    }

    /// <summary>The hash of the n-gram starting at token <paramref name="start"/>.</summary>
    public static long At(IReadOnlyList<Token> tokens, int start)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var hash = unchecked((long)14695981039346656037UL);
        for (var k = start; k < start + Size; k++)
        {
            hash = Mix(hash, Key(tokens[k]));
            hash = unchecked((hash ^ ' ') * 1099511628211L);
        }

        return hash;
    }

    /// <summary>A stable hash of <paramref name="text"/> (FNV-1a, 64 bits).</summary>
    public static long Stable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Mix(unchecked((long)14695981039346656037UL), text);
    }

    private static string Key(Token token) => token.IsFunctionWord ? token.Word : token.Term;

    private static long Mix(long hash, string text)
    {
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211L);
        }

        return hash;
    }
}
