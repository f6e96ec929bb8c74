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
        var hash = Seed;
        for (var k = start; k < start + Size; k++)
        {
            hash = Mix(hash, Key(tokens[k]));
            hash = Mix(hash, ' ');
        }

        return hash;
    }

    /// <summary>A stable hash of <paramref name="text"/> (FNV-1a, 64 bits).</summary>
    public static long Stable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Mix(Seed, text);
    }

    /// <summary>FNV-1a's offset basis: the hash of nothing.</summary>
    public static long Seed => unchecked((long)14695981039346656037UL);

    private static string Key(Token token) => token.IsFunctionWord ? token.Word : token.Term;

    /// <summary>Continues FNV-1a <paramref name="hash"/> with <paramref name="text"/>.</summary>
    public static long Mix(long hash, string text)
    {
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }

        return hash;
    }

    /// <summary>Continues FNV-1a <paramref name="hash"/> with one character.</summary>
    public static long Mix(long hash, char c) => unchecked((hash ^ c) * 1099511628211L);
}
