namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// Where each word of a text occurs, by word, stem and synonym term, so <see cref="SignalPattern"/>s are matched with
/// a few lookups instead of a scan per signal. Built once per text; immutable afterwards.
/// </summary>
internal sealed class TokenPositions
{
    private static readonly int[] NoPositions = [];

    private readonly IReadOnlyList<Token> _tokens;
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byTerm = new(StringComparer.Ordinal);

    public TokenPositions(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            Add(_byWord, token.Word, i);
            if (!token.IsFunctionWord)
            {
                Add(_byStem, token.Stem, i);
                if (!string.Equals(token.Term, token.Stem, StringComparison.Ordinal))
                {
                    Add(_byTerm, token.Term, i);
                }
            }
        }
    }

    public IReadOnlyList<Token> Tokens => _tokens;

    public int SentenceOf(int index) => _tokens[index].Sentence;

    /// <summary>Indexes of the tokens matching a signal word, in text order.</summary>
    public IEnumerable<int> Find(string word, string stem, string term, bool isFunctionWord, bool prefix)
    {
        if (prefix)
        {
            return PrefixHits(word);
        }

        if (isFunctionWord)
        {
            return _byWord.TryGetValue(word, out var exact) ? exact : NoPositions;
        }

        var byStem = _byStem.TryGetValue(stem, out var stems) ? stems : null;
        var byTerm = !string.Equals(term, stem, StringComparison.Ordinal) && _byStem.TryGetValue(term, out var canonical) ? canonical : null;
        var synonyms = _byTerm.TryGetValue(term, out var terms) ? terms : null;
        if (byTerm is null && synonyms is null)
        {
            return byStem ?? (IEnumerable<int>)NoPositions;
        }

        return new[] { byStem, byTerm, synonyms }.Where(l => l is not null).SelectMany(l => l!).Distinct().Order();
    }

    /// <summary>Whether the token at <paramref name="index"/> matches a signal word.</summary>
    public bool Matches(int index, string word, string stem, string term, bool isFunctionWord, bool prefix)
    {
        if (index < 0 || index >= _tokens.Count)
        {
            return false;
        }

        var token = _tokens[index];
        if (prefix)
        {
            return token.Word.StartsWith(word, StringComparison.Ordinal);
        }

        if (isFunctionWord || token.IsFunctionWord)
        {
            return string.Equals(token.Word, word, StringComparison.Ordinal);
        }

        return string.Equals(token.Stem, stem, StringComparison.Ordinal) || string.Equals(token.Term, term, StringComparison.Ordinal);
    }

    private IEnumerable<int> PrefixHits(string prefix)
    {
        List<int>? hits = null;
        foreach (var (word, positions) in _byWord)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                (hits ??= []).AddRange(positions);
            }
        }

        if (hits is null)
        {
            return NoPositions;
        }

        hits.Sort();
        return hits;
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int position)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(position);
    }
}
