namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// Hands out the candidate's sentences as quotes for a scorecard, each at most once: a quote is widened to the whole
/// sentence it starts in (a judge or matcher may have cut it), or cut at a clause with an ellipsis when the sentence is
/// too long, and is refused once that sentence already supports another line of the scorecard (only <see cref="Reuse"/>
/// hands it out again).
/// </summary>
internal sealed class EvidenceQuotes
{
    /// <summary>Longest quote; longer sentences are cut at the last clause break before it, with an ellipsis.</summary>
    public const int MaxLength = 280;

    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="texts">The candidate's own words per question id.</param>
    public EvidenceQuotes(IReadOnlyDictionary<string, string> texts) => _texts = texts;

    /// <summary>The first candidate (question id, quote) whose sentence is in the candidate's words and not yet used; null when none is.</summary>
    public string? Take(IEnumerable<(string QuestionId, string? Quote)> candidates)
    {
        foreach (var (questionId, quote) in candidates)
        {
            if (Whole(questionId, quote) is { } whole && _used.Add(Key(whole)))
            {
                return whole;
            }
        }

        return null;
    }

    /// <summary>
    /// The first candidate whose sentence is in the candidate's words, used or not; for a line that may repeat a quote
    /// rather than show none (a skill whose every sentence supports another line, see ScorecardWording.SkillQuote).
    /// </summary>
    public string? Reuse(IEnumerable<(string QuestionId, string? Quote)> candidates)
    {
        foreach (var (questionId, quote) in candidates)
        {
            if (Whole(questionId, quote) is { } whole)
            {
                _used.Add(Key(whole));
                return whole;
            }
        }

        return null;
    }

    /// <summary>One candidate quote; null when it is not the candidate's or was already used.</summary>
    public string? Take(string questionId, string? quote) => Take([(questionId, quote)]);

    /// <summary>The whole sentence of the candidate's answer to <paramref name="questionId"/> that <paramref name="quote"/> starts in.</summary>
    public string? Whole(string questionId, string? quote)
    {
        if (string.IsNullOrWhiteSpace(quote) || !_texts.TryGetValue(questionId, out var text))
        {
            return null;
        }

        var trimmed = quote.Trim().TrimEnd('…').TrimEnd();
        var at = text.IndexOf(trimmed, StringComparison.Ordinal);
        return at < 0 ? null : Sentence(text, at, at + trimmed.Length);
    }

    /// <summary>The sentence around [start, end) of <paramref name="text"/>, cut at a clause when too long.</summary>
    public static string Sentence(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = start;
        while (from > 0 && !IsSentenceEnd(text, from - 1))
        {
            from--;
        }

        var to = Math.Max(end, from + 1);
        while (to < text.Length && !IsSentenceEnd(text, to - 1))
        {
            to++;
        }

        var sentence = text[from..Math.Min(to, text.Length)].Trim();
        return Cut(sentence, MaxLength);
    }

    /// <summary>
    /// <paramref name="sentence"/> when it fits; otherwise cut after the last comma, semicolon, colon or dash before
    /// <paramref name="max"/> (or the last space when there is none), with an ellipsis.
    /// </summary>
    public static string Cut(string sentence, int max)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (sentence.Length <= max)
        {
            return sentence;
        }

        var window = sentence[..(max - 1)];
        var clause = window.LastIndexOfAny([',', ';', ':', '–', '—', '(']);
        var cut = clause >= max / 3 ? clause : window.LastIndexOf(' ');
        if (cut <= 0)
        {
            cut = max - 1;
        }

        return sentence[..cut].TrimEnd(' ', ',', ';', ':', '–', '—', '(') + "…";
    }

    /// <summary>
    /// Whether a sentence ends at <paramref name="i"/>: a line break, or ., ! or ? before a space or the end, except the
    /// dot of an abbreviation such as "a.m." or "e.g." (a letter, a dot, a letter, this dot), so "At 2 a.m. my time, an
    /// alert fired" stays one sentence.
    /// </summary>
    internal static bool IsSentenceEnd(string text, int i) =>
        text[i] == '\n'
        || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !(text[i] == '.' && IsAbbreviation(text, i)));

    private static bool IsAbbreviation(string text, int dot) =>
        dot >= 3 && text[dot - 2] == '.' && char.IsLetter(text[dot - 1]) && char.IsLetter(text[dot - 3]) && (dot == 3 || !char.IsLetter(text[dot - 4]));

    private static string Key(string quote) => quote.TrimEnd('…', '.', '!', '?', ' ');
}
