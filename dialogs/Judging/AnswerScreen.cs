using System.Text;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>An answer after <see cref="AnswerScreen"/>: the genuine part a judge scores, and why the rest was left out.</summary>
/// <param name="Genuine">The answer without the parts left out (each replaced by a line break, so sentences stay apart);
/// every sentence of it occurs verbatim in the answer.</param>
/// <param name="Flags">One red flag per kind of problem found, naming what was left out.</param>
/// <param name="Injection">What <see cref="PromptInjectionDetector"/> found.</param>
/// <param name="Excluded">The parts left out, as sorted, merged offsets into the answer.</param>
internal sealed record ScreenedAnswer(string Genuine, IReadOnlyList<RedFlag> Flags, InjectionScan Injection, IReadOnlyList<(int Start, int End)> Excluded)
{
    public bool Changed => Excluded.Count > 0;
}

/// <summary>
/// Separates what a candidate wrote as an answer from what games the judge, for both judges: text addressed to the
/// grader or the hiring team (<see cref="PromptInjectionDetector"/>), HTML markup and links (<see cref="MarkupDetector"/>),
/// lists of terms with no sentence that uses them, and sentences copied from the reference answer. What is found is
/// left out of the judgment and flagged; the rest is judged as usual, so a payload can only lower a score.
/// </summary>
/// <remarks>
/// Short factual answers (<see cref="QuestionKind.ShortAnswer"/>) are not checked for lists or copied sentences: there a
/// list of terms can be the answer, and a correct answer often uses the reference's words. Pure and thread-safe.
/// </remarks>
internal static class AnswerScreen
{
    /// <summary>Short items in a row that make a list of terms when the list opens a sentence or line.</summary>
    public const int MinListItems = 5;

    /// <summary>Short items in a row that make a list of terms anywhere.</summary>
    public const int MinInlineListItems = 6;

    /// <summary>Share of a sentence's word 4-grams found in the reference answer at which the sentence counts as copied.</summary>
    public const double CopiedShare = 0.6;

    /// <summary>Word 4-grams (nine words) a sentence needs before it can count as copied: shorter ones coincide by chance.</summary>
    public const int MinCopiedGrams = 6;

    private const int MaxListItemWords = 3;

    /// <summary>Characters of a lead-in ("P.S.", "NB:") taken along with the text it introduces.</summary>
    private const int MaxLeadIn = 8;

    public static ScreenedAnswer Screen(string text, AnswerTokens parsed, QuestionModel model, QuestionKind kind, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(model);
        var excluded = new List<(int Start, int End)>();
        var flags = new List<RedFlag>();
        var scan = PromptInjectionDetector.Scan(text, truncated);
        excluded.AddRange(scan.Spans.Select(s => (s.Start, s.End)));

        var markup = MarkupDetector.Find(text);
        if (markup.Count > 0)
        {
            excluded.AddRange(markup);
            flags.Add(new RedFlag(RedFlag.Markup, $"The answer contains HTML markup or links ({Count(markup.Count, "part")}); they were left out of the judgment."));
        }

        if (kind != QuestionKind.ShortAnswer)
        {
            var lists = TermLists(text, parsed);
            if (lists.Count > 0)
            {
                excluded.AddRange(lists.Select(l => (l.Start, l.End)));
                flags.Add(new RedFlag(RedFlag.KeywordStuffing,
                    $"The answer lists terms without sentences that use them ({string.Join(", ", lists.Select(l => Count(l.Items, "term")))}); the list was left out of the judgment."));
            }

            var copied = model.HasReference ? CopiedSentences(parsed, model) : [];
            if (copied.Count > 0)
            {
                excluded.AddRange(copied);
                flags.Add(new RedFlag(RedFlag.CopiedReference,
                    $"{Count(copied.Count, "sentence")} of the answer {(copied.Count == 1 ? "matches" : "match")} the reference answer word for word; {(copied.Count == 1 ? "it was" : "they were")} left out of the judgment."));
            }
        }

        if (excluded.Count == 0)
        {
            return new ScreenedAnswer(text, flags, scan, []);
        }

        var merged = Merge(excluded.Select(p => WidenOverBareLines(text, p)));
        return new ScreenedAnswer(Remove(text, merged), flags, scan, merged);
    }

    /// <summary>
    /// The part widened over the lines right before and after it that hold no letter or digit ("---", "```") and over
    /// Markdown headings right before it ("## Note"): the lead-in and closing of a payload, not part of an answer.
    /// </summary>
    private static (int Start, int End) WidenOverBareLines(string text, (int Start, int End) part)
    {
        var (start, end) = part;

        // A lead-in of a word or two right before it ("P.S.", "NB:", "Note.") goes with it.
        var before = start;
        while (before > 0 && text[before - 1] is ' ' or '\t')
        {
            before--;
        }

        var leadStart = PromptInjectionDetector.SentenceStart(text, Math.Max(0, before - 1));
        var lead = text.AsSpan(leadStart, before - leadStart);
        if (before < start || lead.Length > 0)
        {
            leadStart = lead.Length <= MaxLeadIn && lead.ContainsAnyExcept(" \t\n") && CountWords(lead) <= 2 ? leadStart : start;
            start = Math.Min(start, leadStart);
        }

        while (start > 0 && text[start - 1] == '\n')
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 2)) + 1;
            var line = start - 2 < 0 || lineStart >= start - 1 ? [] : text.AsSpan(lineStart, start - 1 - lineStart);
            if (line.IsEmpty || !(IsBare(line) || line.TrimStart().StartsWith("#")))
            {
                break;
            }

            start = lineStart;
        }

        while (end < text.Length)
        {
            var from = end < text.Length && text[end] == '\n' ? end + 1 : end;
            var lineEnd = text.IndexOf('\n', from);
            lineEnd = lineEnd < 0 ? text.Length : lineEnd;
            if (lineEnd <= from || !IsBare(text.AsSpan(from, lineEnd - from)))
            {
                break;
            }

            end = lineEnd;
        }

        return (start, end);
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            words += char.IsLetterOrDigit(c) && !inWord ? 1 : 0;
            inWord = char.IsLetterOrDigit(c);
        }

        return words;
    }

    private static bool IsBare(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return !line.IsWhiteSpace();
    }

    /// <summary>The text with <paramref name="parts"/> (sorted, disjoint) replaced by line breaks.</summary>
    public static string Remove(string text, IReadOnlyList<(int Start, int End)> parts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in parts)
        {
            builder.Append(text, at, Math.Max(0, start - at)).Append('\n');
            at = Math.Max(at, end);
        }

        builder.Append(text, at, text.Length - at);
        return builder.ToString();
    }

    /// <summary>Sorted ranges with overlapping or touching ones joined.</summary>
    public static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sorted = parts.Where(p => p.End > p.Start).OrderBy(p => p.Start).ThenByDescending(p => p.End).ToList();
        var merged = new List<(int Start, int End)>(sorted.Count);
        foreach (var part in sorted)
        {
            if (merged.Count > 0 && part.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, part.End));
            }
            else
            {
                merged.Add(part);
            }
        }

        return merged;
    }

    /// <summary>
    /// Runs of short items (one to three content words, split by commas, semicolons, pipes, bullets or line breaks) long
    /// enough to be a list of terms rather than an enumeration inside a sentence: "Redis, TTL, stampede, invalidation, …".
    /// </summary>
    private static List<(int Start, int End, int Items)> TermLists(string text, AnswerTokens parsed)
    {
        var lists = new List<(int Start, int End, int Items)>();
        var tokens = parsed.Tokens;
        var next = 0;
        var runStart = -1;
        var runEnd = 0;
        var runItems = 0;
        var runOpensSentence = false;
        var itemStart = 0;
        var opensSentence = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            var terminator = c is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]));
            if (c is not (',' or ';' or '|' or '•' or '·' or '\n') && !terminator)
            {
                continue;
            }

            // One item: text[itemStart..i]. Count its words and whether all but and/or are content words.
            var words = 0;
            var function = false;
            var itemFirst = next;
            while (next < tokens.Count && tokens[next].Start < i)
            {
                var token = tokens[next];
                if (token.Start >= itemStart)
                {
                    words++;

                    // "write-through", "at-least-once": a function word joined to a term by a hyphen is part of the term.
                    var hyphenated = (token.Start > 0 && text[token.Start - 1] == '-') || (token.Start + token.Length < text.Length && text[token.Start + token.Length] == '-');
                    function |= token.IsFunctionWord && !hyphenated && token.Word is not ("and" or "or");
                }

                next++;
            }

            var blank = words == 0;
            if (!blank && words <= MaxListItemWords && !function)
            {
                if (runStart < 0)
                {
                    (runStart, runItems, runOpensSentence) = (itemStart, 0, opensSentence);
                }

                runItems++;
                runEnd = Math.Min(text.Length, i + 1);
            }
            else if (!blank)
            {
                // "…, locks, stale reads I would put Redis…": the last terms glued to the next sentence go with the list.
                if (runStart >= 0 && GluedTerms(text, tokens, itemFirst, next) is var glued and > 0)
                {
                    runEnd = glued;
                }

                Close();
            }

            if (terminator && !blank)
            {
                Close();
            }

            opensSentence = terminator || c == '\n' || (blank && opensSentence);
            itemStart = i + 1;
        }

        Close();
        return lists;

        void Close()
        {
            if (runStart >= 0 && (runItems >= MinInlineListItems || (runItems >= MinListItems && runOpensSentence)))
            {
                lists.Add((runStart, runEnd, runItems));
            }

            runStart = -1;
        }
    }

    /// <summary>
    /// Where the next sentence starts when an item begins with up to <see cref="MaxListItemWords"/> lowercase words glued to
    /// a capitalised one (a list's last terms followed by a sentence with no separator between); 0 when it does not.
    /// </summary>
    private static int GluedTerms(string text, IReadOnlyList<Token> tokens, int first, int end)
    {
        for (var k = first; k < end && k - first <= MaxListItemWords; k++)
        {
            var c = text[tokens[k].Start];
            if (char.IsUpper(c))
            {
                return k > first ? tokens[k].Start : 0;
            }

            if (!char.IsLower(c) || tokens[k].IsFunctionWord)
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>Sentences most of whose word 4-grams occur in the reference answer.</summary>
    private static List<(int Start, int End)> CopiedSentences(AnswerTokens parsed, QuestionModel model)
    {
        var copied = new List<(int Start, int End)>();
        var tokens = parsed.Tokens;
        var first = 0;
        for (var s = 0; s < parsed.Sentences.Count; s++)
        {
            while (first < tokens.Count && tokens[first].Sentence < s)
            {
                first++;
            }

            var last = first;
            while (last < tokens.Count && tokens[last].Sentence == s)
            {
                last++;
            }

            var grams = last - first - Shingles.Size + 1;
            if (grams < MinCopiedGrams)
            {
                continue;
            }

            var found = 0;
            for (var k = first; k + Shingles.Size <= last; k++)
            {
                found += model.ReferenceShingles.Contains(Shingles.At(tokens, k)) ? 1 : 0;
            }

            if (found >= CopiedShare * grams)
            {
                copied.Add((parsed.Sentences[s].Start, parsed.Sentences[s].End));
            }
        }

        return copied;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
