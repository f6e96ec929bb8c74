namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// Where each word of a text occurs, by word, stem and synonym term, so <see cref="SignalPattern"/>s are matched with
/// a few lookups instead of a scan per signal. Built once per text; immutable afterwards.
/// </summary>
internal sealed class TokenPositions
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly PositionIndex _byWord;
    private readonly PositionIndex _byStem;
    private readonly PositionIndex _byTerm;

    public TokenPositions(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        _byWord = PositionIndex.Build(tokens, static t => t.Word);
        _byStem = PositionIndex.Build(tokens, static t => t.IsFunctionWord ? null : t.Stem);
        _byTerm = PositionIndex.Build(tokens, static t => t.IsFunctionWord || string.Equals(t.Term, t.Stem, StringComparison.Ordinal) ? null : t.Term);
    }

    public IReadOnlyList<Token> Tokens => _tokens;

    public int SentenceOf(int index) => _tokens[index].Sentence;

    /// <summary>Indexes of the tokens matching a signal word, in text order.</summary>
    public ReadOnlySpan<int> Find(string word, string stem, string term, bool isFunctionWord, bool prefix)
    {
        if (prefix)
        {
            return PrefixHits(word);
        }

        if (isFunctionWord)
        {
            return _byWord.Of(word);
        }

        var byStem = _byStem.Of(stem);
        var byTerm = !string.Equals(term, stem, StringComparison.Ordinal) ? _byStem.Of(term) : default;
        var synonyms = _byTerm.Of(term);
        if (byTerm.IsEmpty && synonyms.IsEmpty)
        {
            return byStem;
        }

        // Several lists: their union, in text order, each position once.
        var all = new int[byStem.Length + byTerm.Length + synonyms.Length];
        byStem.CopyTo(all);
        byTerm.CopyTo(all.AsSpan(byStem.Length));
        synonyms.CopyTo(all.AsSpan(byStem.Length + byTerm.Length));
        Array.Sort(all);
        var count = 0;
        foreach (var position in all)
        {
            if (count == 0 || all[count - 1] != position)
            {
                all[count++] = position;
            }
        }

        return all.AsSpan(0, count);
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

    private int[] PrefixHits(string prefix)
    {
        List<int>? hits = null;
        foreach (var word in _byWord.Keys)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                (hits ??= []).AddRange(_byWord.Of(word));
            }
        }

        if (hits is null)
        {
            return [];
        }

        hits.Sort();
        return [.. hits];
    }

    /// <summary>
    /// The positions of each key, grouped in one array (a key's positions in text order, one slice per key) rather than a
    /// list per key: a judged answer indexes a few hundred words three ways, and lists were most of a turn's allocations.
    /// </summary>
    private sealed class PositionIndex
    {
        private readonly Dictionary<string, int> _groups;
        private readonly int[] _starts;
        private readonly int[] _positions;

        private PositionIndex(Dictionary<string, int> groups, int[] starts, int[] positions)
        {
            _groups = groups;
            _starts = starts;
            _positions = positions;
        }

        public Dictionary<string, int>.KeyCollection Keys => _groups.Keys;

        /// <summary>Indexes the tokens by <paramref name="key"/>; tokens whose key is null are left out.</summary>
        public static PositionIndex Build(IReadOnlyList<Token> tokens, Func<Token, string?> key)
        {
            var indexed = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                indexed += key(tokens[i]) is null ? 0 : 1;
            }

            var groups = new Dictionary<string, int>(indexed, StringComparer.Ordinal);
            var groupOf = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, tokens.Count));
            var cursor = System.Buffers.ArrayPool<int>.Shared.Rent(indexed + 1);
            try
            {
                // Group numbers in order of first occurrence, and each group's size.
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (key(tokens[i]) is not { } k)
                    {
                        groupOf[i] = -1;
                        continue;
                    }

                    if (!groups.TryGetValue(k, out var group))
                    {
                        group = groups.Count;
                        groups.Add(k, group);
                        cursor[group] = 0;
                    }

                    cursor[group]++;
                    groupOf[i] = group;
                }

                var starts = new int[groups.Count + 1];
                for (var g = 0; g < groups.Count; g++)
                {
                    starts[g + 1] = starts[g] + cursor[g];
                    cursor[g] = starts[g];
                }

                var positions = new int[indexed];
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (groupOf[i] >= 0)
                    {
                        positions[cursor[groupOf[i]]++] = i;
                    }
                }

                return new PositionIndex(groups, starts, positions);
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(groupOf);
                System.Buffers.ArrayPool<int>.Shared.Return(cursor);
            }
        }

        /// <summary>The positions of <paramref name="key"/>, in text order; empty when it does not occur.</summary>
        public ReadOnlySpan<int> Of(string key) =>
            _groups.TryGetValue(key, out var group) ? _positions.AsSpan(_starts[group], _starts[group + 1] - _starts[group]) : default;
    }
}
