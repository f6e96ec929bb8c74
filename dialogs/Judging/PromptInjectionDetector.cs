using System.Buffers;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>A part of a scanned text that is addressed to the grader or the hiring team, and what it is.</summary>
/// <param name="Start">Offset of the part (a whole sentence, line or block) in the scanned text.</param>
/// <param name="End">Offset just after it.</param>
internal readonly record struct InjectionSpan(int Start, int End, string Finding);

/// <summary>What <see cref="PromptInjectionDetector.Scan"/> found in a text.</summary>
/// <param name="Findings">Stable names of what was found (see the <c>PromptInjectionDetector</c> constants),
/// in a fixed order; empty when nothing was.</param>
/// <param name="FirstIndex">Offset in the scanned text of the earliest finding; -1 when none.</param>
/// <param name="SafePrefixLength">Length of the text before the sentence holding the earliest finding: the part
/// written before any attempt (the whole text when none).</param>
/// <param name="Spans">The sentences, lines or blocks holding the findings, sorted and merged: what a judge leaves out.</param>
internal sealed record InjectionScan(IReadOnlyList<string> Findings, int FirstIndex, int SafePrefixLength, IReadOnlyList<InjectionSpan> Spans)
{
    public static InjectionScan None(int length) => new([], -1, length, []);

    public bool Detected => Findings.Count > 0;

    /// <summary>True when a finding tries to change the grading, not only to plead with the hiring team.</summary>
    public bool Manipulates => Findings.Any(f => !string.Equals(f, PromptInjectionDetector.Plea, StringComparison.Ordinal));
}

/// <summary>
/// Finds text in a candidate's answer that is addressed to the grader or the hiring team rather than answering the
/// interviewer: requests to ignore instructions, requests for a score, role-play set-ups, fake system/assistant lines,
/// JSON shaped like a judgment or a scorecard card, fake verdicts and score tables, comments and memos to the grader,
/// pleas, the same in other languages, and the tricks used to hide them (zero-width and tag characters, bidirectional
/// overrides, homoglyphs, leetspeak, letters split by spaces or pipes, base64 and other encodings, huge padding).
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Patterns run on a folded copy of the text (lowercase; fullwidth, mathematical and
/// look-alike letters mapped to ASCII; digits inside words read as the letters they imitate; letters split by single
/// separators joined; invisible characters dropped; Unicode tag characters decoded; whitespace runs shortened to one
/// character), so <c>ＩＧＮＯＲＥ</c>, <c>ign&#x200B;ore</c>, <c>1gn0r3</c>, <c>i|g|n|o|r|e</c> and <c>іgnоre</c>
/// (Cyrillic і/о) all read as <c>ignore</c>. Encoded runs (base64, hex, percent-encoding, HTML entities) that decode to
/// words are findings themselves and are scanned once more decoded. Work is linear in the text, which the caller
/// bounds: one pass finds trigger words, and each pattern runs only in windows around its own triggers, so an ordinary
/// answer costs a few microseconds. It favours precision on ordinary technical prose ("we ignore stale messages", "I
/// left a note for the reviewer" are not findings).
/// </remarks>
internal static partial class PromptInjectionDetector
{
    public const string InstructionOverride = "instruction-override";
    public const string ScoreRequest = "score-request";
    public const string RolePlay = "role-play";
    public const string FakeRoleMarker = "fake-role-marker";
    public const string JudgmentJson = "judgment-json";
    public const string ForeignInstruction = "foreign-language-instruction";
    public const string GraderComment = "grader-comment";
    public const string AddressedNote = "note-to-reviewer";
    public const string ScoreClaim = "fake-verdict";
    public const string Plea = "plea";
    public const string HiddenCharacters = "hidden-characters";
    public const string Homoglyphs = "homoglyphs";
    public const string EncodedText = "encoded-text";
    public const string Padding = "padding";

    /// <summary>A whitespace run this long followed by more text is padding (pushes a payload out of sight).</summary>
    public const int PaddingRun = 200;

    /// <summary>The same word this many times in a row is padding.</summary>
    public const int RepeatedWordRun = 50;

    /// <summary>Spans kept per scan: more than any honest answer has, few enough to bound the work on hostile text.</summary>
    private const int MaxSpans = 64;

    private const int HiddenCharacterThreshold = 3;
    private const int HomoglyphWordThreshold = 2;

    /// <summary>Findings in the order <see cref="InjectionScan.Findings"/> lists them.</summary>
    private static readonly string[] FindingOrder =
    [
        InstructionOverride, ScoreRequest, RolePlay, FakeRoleMarker, JudgmentJson, ForeignInstruction, GraderComment,
        AddressedNote, ScoreClaim, Plea, HiddenCharacters, Homoglyphs, EncodedText, Padding,
    ];

    /// <summary>Human wording of a finding, for red-flag details.</summary>
    public static string Describe(string finding) => finding switch
    {
        InstructionOverride => "instructions to the grader",
        ScoreRequest => "a request for a score",
        RolePlay => "a role-play set-up for the grader",
        FakeRoleMarker => "a fake system or assistant line",
        JudgmentJson => "JSON shaped like a judgment or a scorecard",
        ForeignInstruction => "instructions to the grader in another language",
        GraderComment => "a comment addressed to the grader",
        AddressedNote => "a note or memo to the reviewers",
        ScoreClaim => "a fake verdict or score table",
        Plea => "a plea to the hiring team",
        HiddenCharacters => "hidden characters",
        Homoglyphs => "look-alike letters from other alphabets",
        EncodedText => "encoded text",
        Padding => "padding that pushes text out of sight",
        _ => finding,
    };

    /// <summary>Scans <paramref name="text"/>; the caller bounds its length.</summary>
    /// <param name="text">The text to scan (untrusted).</param>
    /// <param name="truncated">True when <paramref name="text"/> is the start of a longer answer, so a whitespace
    /// run reaching its end still hides what follows.</param>
    public static InjectionScan Scan(string text, bool truncated = false) => ScanText(text, truncated, decodeDepth: 0);

    private static InjectionScan ScanText(string text, bool truncated, int decodeDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return InjectionScan.None(0);
        }

        var hits = new List<(int Start, int End, string Finding)>();
        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        var map = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            var fold = Fold(text, folded, map, joinPipes: false);
            if (fold.HiddenCount >= HiddenCharacterThreshold || fold.TagOrBidiCount > 0)
            {
                hits.Add((fold.FirstHidden, fold.FirstHidden + 1, HiddenCharacters));
            }

            if (fold.MixedScriptWords >= HomoglyphWordThreshold)
            {
                hits.Add((fold.FirstMixedScript, fold.FirstMixedScript + 1, Homoglyphs));
            }

            MatchPatterns(folded.AsSpan(0, fold.Length), map, text.Length, hits);

            // "ig|nore prev|ious": pipes inside words are read once more, joined.
            if (fold.PipesInWords)
            {
                var joined = Fold(text, folded, map, joinPipes: true);
                MatchPatterns(folded.AsSpan(0, joined.Length), map, text.Length, hits);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            ArrayPool<int>.Shared.Return(map);
        }

        if (decodeDepth == 0)
        {
            FindEncoded(text, hits);
        }

        var padding = FindPadding(text, truncated);
        if (padding >= 0)
        {
            hits.Add((padding, text.Length, Padding));
        }

        return ToScan(text, hits);
    }

    private static void MatchPatterns(ReadOnlySpan<char> folded, int[] map, int textLength, List<(int Start, int End, string Finding)> hits)
    {
        var windows = TriggerWindows(folded);
        for (var k = 0; k < Patterns.Length; k++)
        {
            if (windows[k] is not { } list)
            {
                continue;
            }

            foreach (var (start, end) in list)
            {
                foreach (var match in Patterns[k].EnumerateMatches(folded[start..end]))
                {
                    var from = map[start + match.Index];
                    var last = start + match.Index + Math.Max(0, match.Length - 1);
                    hits.Add((from, Math.Min(textLength, map[last] + 1), PatternFindings[k]));
                    if (hits.Count >= MaxSpans)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static InjectionScan ToScan(string text, List<(int Start, int End, string Finding)> hits)
    {
        if (hits.Count == 0)
        {
            return InjectionScan.None(text.Length);
        }

        var first = int.MaxValue;
        var cut = int.MaxValue;
        var spans = new List<InjectionSpan>(hits.Count);
        foreach (var (start, end, finding) in hits)
        {
            first = Math.Min(first, start);

            // Padding separates the payload from the answer by itself; other findings take their sentence with them.
            cut = Math.Min(cut, finding == Padding ? start : SentenceStart(text, start));
            var (from, to) = finding == Padding ? (start, text.Length) : Expand(text, start, end);
            spans.Add(new InjectionSpan(from, to, finding));
        }

        var findings = FindingOrder.Where(f => hits.Any(h => h.Finding == f)).ToArray();
        return new InjectionScan(findings, first, cut, Merge(spans));
    }

    /// <summary>Sorted, overlapping or touching spans merged (the finding of the earliest wins).</summary>
    private static List<InjectionSpan> Merge(List<InjectionSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<InjectionSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
