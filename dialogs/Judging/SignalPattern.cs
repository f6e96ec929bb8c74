namespace ScreeningBot.Dialogs.Judging;

/// <summary>How much of a <see cref="SignalPattern"/> a text shows, and where.</summary>
/// <param name="Matched">Slots found together inside one window (0 when none).</param>
/// <param name="Slots">Slots the pattern has.</param>
/// <param name="Start">Index of the first token of the best window; -1 when nothing matched.</param>
/// <param name="End">Index of the last token of the best window (inclusive); -1 when nothing matched.</param>
/// <param name="DistinctiveMatched">Matched slots whose words are not among the words the caller called common (e.g. the question's own).</param>
/// <param name="FirstSlot">Index of the token matching the pattern's first slot in the best window (by convention the action of
/// a behaviour: "explained" in "explained|presented product manager"); -1 when that slot is not matched.</param>
internal readonly record struct SignalMatch(int Matched, int Slots, int Start, int End, int DistinctiveMatched, int FirstSlot = -1)
{
    public static SignalMatch None(int slots) => new(0, slots, -1, -1, 0);

    public bool IsFull => Slots > 0 && Matched == Slots;
}

/// <summary>
/// A phrasing that shows a knowledge area or a competency, as written in a profile's <c>signals:</c>, compiled for
/// matching. Syntax: words separated by spaces are <em>slots</em> that must all appear within a short window, in any
/// order; <c>a|b</c> gives alternatives for one slot; <c>word*</c> matches any word starting with <c>word</c> (after a
/// compound, its last word: <c>rate-limit*</c>); a leading <c>~</c> makes a signal partial evidence only;
/// <c>on-call</c> or <c>"one at a time"</c> is a compound whose words must be adjacent and in that order. Words match
/// by stem and synonym group (<see cref="LightStemmer"/>, <see cref="JudgingLexicon"/>), so <c>invalidate</c> finds
/// "invalidating"; the articles a, an and the are ignored outside compounds.
/// </summary>
/// <remarks>Immutable and thread-safe once parsed.</remarks>
internal sealed class SignalPattern
{
    /// <summary>Most slots a signal may have: it is matched inside a short window, so longer phrasings never match.</summary>
    public const int MaxSlots = 8;

    /// <summary>Shortest prefix before a <c>*</c>.</summary>
    public const int MinPrefixLength = 3;

    private static readonly string[] Articles = ["a", "an", "the"];

    private static readonly System.Buffers.SearchValues<char> CharsOfWords =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private readonly Alternative[][] _slots;

    private SignalPattern(string text, Alternative[][] slots)
    {
        Text = text;
        _slots = slots;
    }

    public string Text { get; }

    /// <summary>
    /// Written with a leading <c>~</c>: a match is partial evidence only (the area is touched, not covered), for a bare
    /// mention of the area's topic ("~oauth*": naming OAuth does not explain its flows).
    /// </summary>
    public bool TouchOnly { get; private init; }

    public int SlotCount => _slots.Length;

    /// <summary>Tokens the matched slots may spread over: enough for a clause, too few for two unrelated sentences.</summary>
    public int Window => Math.Max(10, 4 * _slots.Length);

    /// <summary>Parses <paramref name="text"/>; null with a one-sentence <paramref name="problem"/> when it is not a valid signal.</summary>
    public static SignalPattern? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var trimmed = text.Trim();
        var touchOnly = trimmed.StartsWith('~');
        var slotTexts = SplitSlots(touchOnly ? trimmed[1..].TrimStart() : trimmed, out var quoteProblem);
        if (quoteProblem is not null)
        {
            problem = quoteProblem;
            return null;
        }

        var slots = new List<Alternative[]>();
        foreach (var slotText in slotTexts)
        {
            var alternatives = new List<Alternative>();
            foreach (var raw in slotText.Split('|'))
            {
                var alternative = ParseAlternative(raw, out problem);
                if (alternative is null)
                {
                    return null;
                }

                alternatives.Add(alternative);
            }

            // An article on its own carries no meaning ("the cache" = "cache").
            if (alternatives.Count == 1 && alternatives[0].Words.Length == 1 && !alternatives[0].Words[0].Prefix && Articles.Contains(alternatives[0].Words[0].Word))
            {
                continue;
            }

            slots.Add([.. alternatives]);
        }

        if (slots.Count == 0)
        {
            problem = "has no word to look for (articles such as \"the\" are ignored)";
            return null;
        }

        if (slots.Count > MaxSlots)
        {
            problem = $"has {slots.Count} words; a signal is matched within a few words of text, so keep it to at most {MaxSlots}";
            return null;
        }

        return new SignalPattern(text.Trim(), [.. slots]) { TouchOnly = touchOnly };
    }

    /// <summary>Slots written as a single word or compound, for "is this a behaviour or one noun?" checks.</summary>
    public bool IsSingleSlot => _slots.Length == 1;

    /// <summary>
    /// The best window of <paramref name="positions"/>' text for this pattern: the one holding the most slots (ties: the
    /// shortest, then the earliest). With <paramref name="sameSentence"/>, a window never spans two sentences.
    /// <paramref name="common"/> lists terms that count as matched but not as distinctive evidence.
    /// </summary>
    public SignalMatch Match(TokenPositions positions, bool sameSentence = false, IReadOnlySet<string>? common = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var hits = new List<(int Start, int End, int Slot, bool Distinctive)>();
        var slotsHit = 0;
        for (var s = 0; s < _slots.Length; s++)
        {
            var before = hits.Count;
            foreach (var alternative in _slots[s])
            {
                alternative.AddHits(positions, s, common, hits);
            }

            slotsHit += hits.Count > before ? 1 : 0;
        }

        // Callers use full matches and windows of two slots or more: fewer slots found in the whole text need no window.
        if (slotsHit == 0 || (slotsHit < _slots.Length && slotsHit < 2))
        {
            return SignalMatch.None(_slots.Length) with { Matched = slotsHit };
        }

        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return BestWindow(hits, positions, sameSentence);
    }

    private SignalMatch BestWindow(List<(int Start, int End, int Slot, bool Distinctive)> hits, TokenPositions positions, bool sameSentence)
    {
        var best = SignalMatch.None(_slots.Length);
        Span<int> counts = stackalloc int[MaxSlots];
        Span<int> distinctive = stackalloc int[MaxSlots];

        // One word cannot stand for two slots ("split shard*" is not matched by "sharding" alone, though split and shard
        // are synonyms): a window's slots count at most once per distinct word position in it (hits are sorted by start).
        var distinctPositions = 0;
        var left = 0;
        var covered = 0;
        for (var right = 0; right < hits.Count; right++)
        {
            var hit = hits[right];
            while (left < right && (hit.End - hits[left].Start + 1 > Window
                || (sameSentence && positions.SentenceOf(hits[left].Start) != positions.SentenceOf(hit.End))))
            {
                var gone = hits[left];
                distinctive[gone.Slot] -= gone.Distinctive ? 1 : 0;
                covered -= --counts[gone.Slot] == 0 ? 1 : 0;
                distinctPositions -= gone.Start != hits[left + 1].Start ? 1 : 0;
                left++;
            }

            covered += counts[hit.Slot]++ == 0 ? 1 : 0;
            distinctPositions += right == left || hit.Start != hits[right - 1].Start ? 1 : 0;
            distinctive[hit.Slot] += hit.Distinctive ? 1 : 0;
            var matched = Math.Min(covered, distinctPositions);
            var end = 0;
            for (var k = left; k <= right; k++)
            {
                end = Math.Max(end, hits[k].End);
            }

            var span = end - hits[left].Start;
            var bestSpan = best.End - best.Start;
            if (matched > best.Matched || (matched == best.Matched && span < bestSpan))
            {
                var distinct = 0;
                for (var s = 0; s < _slots.Length; s++)
                {
                    distinct += distinctive[s] > 0 ? 1 : 0;
                }

                var first = -1;
                for (var k = left; k <= right && first < 0; k++)
                {
                    first = hits[k].Slot == 0 ? hits[k].Start : -1;
                }

                best = new SignalMatch(matched, _slots.Length, hits[left].Start, end, distinct, first);
            }
        }

        return best;
    }

    private static List<string> SplitSlots(string text, out string? problem)
    {
        problem = null;
        var slots = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                current.Append(c);
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    slots.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            problem = "has a quote (\") that is never closed";
        }

        if (current.Length > 0)
        {
            slots.Add(current.ToString());
        }

        return slots;
    }

    private static Alternative? ParseAlternative(string raw, out string? problem)
    {
        problem = null;
        var text = raw.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1].Trim();
        }
        else if (text.Contains('"', StringComparison.Ordinal))
        {
            problem = $"has a quote inside \"{raw}\"; quote a whole alternative, such as \"one at a time\"";
            return null;
        }

        if (text.Length == 0)
        {
            problem = "has an empty alternative (check for \"||\" or a \"|\" at the start or end of a word)";
            return null;
        }

        var prefix = text.EndsWith('*');
        if (prefix)
        {
            text = text[..^1];
            var lastWord = text.Length - text.AsSpan().LastIndexOfAnyExcept(CharsOfWords) - 1;
            if (text.Contains('*', StringComparison.Ordinal) || lastWord < MinPrefixLength)
            {
                problem = $"uses \"{raw}\": a * goes right after a word of at least {MinPrefixLength} letters, such as invalidat* or rate-limit*";
                return null;
            }
        }
        else if (text.Contains('*', StringComparison.Ordinal))
        {
            problem = $"uses \"{raw}\": a * may only end a word, such as invalidat*";
            return null;
        }

        var tokens = AnswerTokens.Parse(text).Tokens;
        if (tokens.Count == 0)
        {
            problem = $"has no letters or digits in \"{raw}\"";
            return null;
        }

        // With a *, the last word is a prefix ("rate-limit*": "rate" then any word starting with "limit").
        var words = tokens.Select((t, i) => new SignalWord(t.Word, t.Stem, t.Term, t.IsFunctionWord, prefix && i == tokens.Count - 1)).ToArray();
        return new Alternative(words);
    }

    /// <summary>One word of an alternative; a compound has several, adjacent in the text.</summary>
    private sealed record SignalWord(string Word, string Stem, string Term, bool IsFunctionWord, bool Prefix);

    private sealed record Alternative(SignalWord[] Words)
    {
        public void AddHits(TokenPositions positions, int slot, IReadOnlySet<string>? common, List<(int Start, int End, int Slot, bool Distinctive)> hits)
        {
            var first = Words[0];
            foreach (var start in positions.Find(first.Word, first.Stem, first.Term, first.IsFunctionWord, first.Prefix))
            {
                var end = start;
                var ok = true;
                for (var k = 1; k < Words.Length && ok; k++)
                {
                    var w = Words[k];
                    ok = positions.Matches(start + k, w.Word, w.Stem, w.Term, w.IsFunctionWord, w.Prefix);
                    end = start + k;
                }

                if (ok)
                {
                    var distinctive = Words.Length > 1 || (!first.IsFunctionWord && (common is null || !common.Contains(first.Term)));
                    hits.Add((start, end, slot, distinctive));
                }
            }
        }
    }
}
