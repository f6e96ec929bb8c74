using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>What <see cref="PromptInjectionDetector.Scan"/> found in a text.</summary>
/// <param name="Findings">Stable names of what was found (see the <c>PromptInjectionDetector</c> constants),
/// in a fixed order; empty when nothing was.</param>
/// <param name="FirstIndex">Offset in the scanned text of the earliest finding; -1 when none.</param>
/// <param name="SafePrefixLength">Length of the text before the sentence holding the earliest finding: the part
/// written before any attempt (the whole text when none). A judge scores at most this part.</param>
internal sealed record InjectionScan(IReadOnlyList<string> Findings, int FirstIndex, int SafePrefixLength)
{
    public bool Detected => Findings.Count > 0;
}

/// <summary>
/// Finds text in a candidate's answer that is aimed at the grader rather than the interviewer: requests to
/// ignore instructions, requests for a score, role-play set-ups, fake system/assistant lines, JSON shaped like a
/// judgment, the same in other languages, and the tricks used to hide them (zero-width and tag characters,
/// bidirectional overrides, homoglyphs, huge padding).
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Patterns run on a folded copy of the text (lowercase; fullwidth, mathematical and
/// look-alike letters mapped to ASCII; invisible characters dropped; Unicode tag characters decoded; whitespace runs
/// shortened to one character), so <c>ＩＧＮＯＲＥ</c>, <c>ign&#x200B;ore</c> and <c>іgnоre</c> (Cyrillic і/о) all read
/// as <c>ignore</c>. Work is linear in the text, which the caller bounds: one pass finds trigger words, and each pattern
/// runs only in windows around its own triggers, so an ordinary answer costs a few microseconds.
/// It favours precision on ordinary technical prose ("we ignore stale messages" is not a finding).
/// </remarks>
internal static partial class PromptInjectionDetector
{
    public const string InstructionOverride = "instruction-override";
    public const string ScoreRequest = "score-request";
    public const string RolePlay = "role-play";
    public const string FakeRoleMarker = "fake-role-marker";
    public const string JudgmentJson = "judgment-json";
    public const string ForeignInstruction = "foreign-language-instruction";
    public const string HiddenCharacters = "hidden-characters";
    public const string Homoglyphs = "homoglyphs";
    public const string Padding = "padding";

    /// <summary>A whitespace run this long followed by more text is padding (pushes a payload out of sight).</summary>
    public const int PaddingRun = 200;

    /// <summary>The same word this many times in a row is padding.</summary>
    public const int RepeatedWordRun = 50;

    private const int HiddenCharacterThreshold = 3;
    private const int HomoglyphWordThreshold = 2;

    // Source-generated backtracking regexes. The patterns are linear in practice: every loop is bounded or
    // consumes a literal word per turn, and the text is bounded by the caller; the timeout is a last guard.
    private const RegexOptions Options = RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.Multiline;
    private const int TimeoutMilliseconds = 1_000;

    /// <summary>Patterns in <see cref="FindingOrder"/> order (the first six findings).</summary>
    private static readonly Regex[] Patterns =
    [
        InstructionOverridePattern(), ScoreRequestPattern(), RolePlayPattern(), FakeRoleMarkerPattern(), JudgmentJsonPattern(),
        ForeignInstructionPattern(),
    ];

    private const int FakeRolePatternIndex = 3;
    private const int ForeignPatternIndex = 5;

    /// <summary>
    /// Words are looked up by their first <see cref="TriggerKeyLength"/> letters, so "ignoring" and "instructions"
    /// find the triggers "ignore" and "instruction".
    /// </summary>
    private const int TriggerKeyLength = 5;

    /// <summary>
    /// How far around a trigger word a pattern is matched. Whitespace runs are folded to one character and every
    /// loop in the patterns is bounded, so no match is longer than about 300 characters; a match must contain one
    /// of its pattern's trigger words, so it lies inside the window of that word.
    /// </summary>
    private const int WindowMargin = 400;

    /// <summary>
    /// Per pattern (same order as <see cref="Patterns"/>), words one of which every match contains. Keep them in step
    /// with the patterns: a pattern whose match holds none of its triggers is never tried (the payload tests fail).
    /// </summary>
    private static readonly string[][] TriggerWords =
    [
        // instruction override
        [
            "ignore", "disregard", "forget", "override", "overrule", "bypass", "instruction", "prompt", "directive", "now",
            "follow", "grading", "judging", "scoring", "evaluating",
        ],

        // score request
        [
            "rate", "score", "grade", "mark", "evaluate", "assess", "judge", "give", "assign", "award", "grant", "set", "depth",
            "rating", "specificity", "out", "deserve", "deserving", "merit", "flag", "treat", "consider", "classify", "record",
            "ask", "penalize", "penalise", "report", "mention", "lower", "deduct", "follow", "followup", "marks",
        ],

        // role-play
        [
            "grader", "judge", "evaluator", "assistant", "ai", "chatbot", "language", "model", "llm", "gpt", "chatgpt", "dan",
            "examiner", "scorer", "pretend", "role", "roleplay", "imagine", "mode", "jailbreak", "jailbroken", "anything",
        ],

        // fake role marker
        [
            "system", "assistant", "developer", "grader", "judge", "evaluator", "admin", "administrator", "sys", "inst",
            "instruction", "im", "response", "task", "candidate", "user", "transcript",
        ],

        // judgment JSON
        [
            "depth", "specificity", "areas", "areascovered", "areasmissing", "red", "redflags", "evidence", "evidencequote",
            "needs", "needsfollowup", "follow", "followupfocus", "judged", "judgedby", "suggested", "score", "rating", "grade",
            "verdict",
        ],

        // other languages (Latin and Cyrillic scripts; CJK in CjkTriggers)
        [
            "anweisung", "instruktion", "regeln", "vorgaben", "befehle", "punkte", "note", "bewertung", "sterne", "höchstnote",
            "bestnote", "instructions", "consignes", "règles", "20", "instrucciones", "reglas", "indicaciones", "puntuación",
            "puntuacion", "nota", "calificación", "calificacion", "puntaje", "instruções", "instrucoes", "regras", "istruzioni",
            "regole", "instructies", "regels", "instrukcje", "polecenia", "zasady", "инструкц", "указани", "правил", "промпт",
            "оценк", "балл", "балла", "баллов", "баллы", "talimat", "kural",
        ],
    ];

    private static readonly SearchValues<string> CjkTriggers = SearchValues.Create(
    [
        "指令", "指示", "说明", "說明", "规则", "規則", "提示", "命令", "满分", "滿分", "分", "無視", "忘れ", "満点", "무시", "잊어", "만점",
    ], StringComparison.Ordinal);

    /// <summary>Trigger key (a word's first letters) → bit mask of the patterns it may start.</summary>
    private static readonly FrozenDictionary<string, int> TriggerMasks = BuildTriggerMasks();

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> TriggerLookup =
        TriggerMasks.GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex("""
            \b(ignore|disregard|forget|override|overrule|bypass)\s+((all|any|the|your|these|those|my|of)\s+){0,6}(previous|prior|above|earlier|preceding|original|initial|system|grading|scoring|former)\s+(instructions?|prompts?|guidelines|directives|directions|rules|rubrics?|criteria)\b
            |\b(ignore|disregard|forget|override|bypass)\s+((all|any|the|your)\s+){0,6}(instructions|system\s+prompt|prompts?|guidelines|directives|rubrics?|grading\s+criteria|scoring\s+criteria)\b
            |\bforget\s+(everything|all|what)\b[^.\n]{0,30}\b(above|before|said|told|previous|earlier)\b
            |\b(new|updated|revised|real|actual|hidden|secret|additional)\s+(instructions?|system\s+prompt|directives?)\s*[:\-]
            |\byou\s+(must|will|should|shall)\s+now\b
            |\bfrom\s+now\s+on\b[^.\n]{0,40}\byou\b
            |\bdo\s+not\s+follow\s+(the|your|any)\s+(previous|prior|above|original|system|grading)\b
            |\binstead\s+of\s+(grading|judging|scoring|evaluating)\b
        """, Options, TimeoutMilliseconds)]
    private static partial Regex InstructionOverridePattern();

    [GeneratedRegex("""
            \b(rate|score|grade|mark|evaluate|assess|judge)\s+(me|it|this|(this|my|the|that)\s+(answer|response|reply|submission|candidate))\b[^.\n]{0,30}\b(5|five|10|ten|100|full|maximum|max|perfect|highest)\b
            |\b(give|assign|award|grant|set)\b[^.\n]{0,30}\b(5|five|10|ten|100|5\.0|full|perfect|maximum|max|highest|top)\s*(/\s*(5|10|100)\b|out\s+of\b|marks?\b|score\b|depth\b|rating\b|grade\b)
            |\b(depth|score|grade|specificity)\s*(should|must|=|:|is|will\s+be|needs\s+to\s+be)\s*(be\s+)?(a\s+)?(5|five|10|100|5\.0|max|maximum|full|perfect)\b
            |\b(5|five|10|ten)\s+out\s+of\s+(5|five|10|ten)\b
            |\b(deserves?|deserving|merits?)\b[^.\n]{0,20}\b(5|five|10|ten|full\s+(marks|score|points)|top\s+(score|marks)|perfect\s+score|maximum\s+(score|marks|points|grade|rating)|highest\s+(score|grade|rating))\b
            |\b(mark|flag|treat|consider|classify|record)\s+(this|the\s+answer|my\s+answer|me|it)\s+as\s+(correct|perfect|excellent|complete|strong|passed|expert|a\s+pass)\b
            |\b(do\s+not|don't|dont|never)\s+(ask|flag|penalize|penalise|report|mention|lower|deduct)\b[^.\n]{0,30}\b(follow-?\s?ups?|red\s+flags?|injection|this\s+answer|my\s+answer|points)\b
            |\bno\s+follow-?\s?ups?\s+(is\s+|are\s+)?(needed|required|necessary)\b
        """, Options, TimeoutMilliseconds)]
    private static partial Regex ScoreRequestPattern();

    [GeneratedRegex("""
            \byou\s+are\s+(now\s+|no\s+longer\s+|actually\s+)?((a|an|the|my)\s+)?(\w{1,30}\s+){0,2}(grader|judge|evaluator|assistant|ai|chatbot|language\s+model|llm|gpt|chatgpt|dan|examiner|scorer)\b
            |\b(act|behave|respond|function)\s+as\s+(if\s+you\s+(are|were)\s+)?((a|an|the|my)\s+)?(\w{1,30}\s+){0,2}(grader|judge|evaluator|ai|assistant|chatbot|language\s+model|llm|examiner|scorer)\b
            |\bpretend\s+(to\s+be|you\s+are|you're|that\s+you)\b
            |\brole[-\s]?play\b
            |\bimagine\s+(that\s+)?you\s+are\s+(a|an|the)\b
            |\b(developer|god|admin|sudo|jailbreak|dan|unrestricted)\s+mode\b
            |\bjailbr(eak|oken)
            |\bdo\s+anything\s+now\b
            |\b(hey|hi|hello|dear|attention)\s+(ai|grader|judge|evaluator|model|assistant|chatgpt|gpt|llm|scorer|examiner)\b
            |\b(ai|llm|gpt|chatgpt|grader|evaluator|judge|scorer)\s*[,:]\s*(please\s+)?(you|ignore|rate|score|give|grade|mark|consider)\b
        """, Options, TimeoutMilliseconds)]
    private static partial Regex RolePlayPattern();

    [GeneratedRegex("""
            ^[ \t>*#\-\[(<]{0,20}(system|assistant|developer|grader|judge|evaluator|admin|administrator|sys)(\s*(message|prompt|note|override|update|instructions?)){0,4}\s*[\])>]{0,5}\s*:
            |([.!?;]\s+|\s\s)(system|assistant|developer)(\s*(message|prompt|note|override|update)){0,4}\s*:
            |[\[<]\s*/?\s*(system|sys|inst|instructions?|assistant|developer|admin|im_start|im_end)\s*[\]>]
            |<\|[a-z_ ]{1,20}\|>
            |<<\s*/?\s*sys\s*>>
            |\#{2,10}\s*(system|instructions?|response|assistant|new\s+task)\b
            |\bend\s+of\s+(the\s+)?(candidate('s)?\s+answer|user\s+input|transcript)\b
            |\bbegin\s+(system|admin|developer)\s+(prompt|message|instructions?)\b
        """, Options, TimeoutMilliseconds)]
    private static partial Regex FakeRoleMarkerPattern();

    [GeneratedRegex("""
            ["'`]\s*(depth|specificity|areas_?covered|areas_?missing|red_?flags|evidence_?quote|needs_?follow_?up|follow_?up_?focus|judged_?by|suggested_?follow_?up)\s*["'`]\s*:
            |["'`]\s*(score|rating|grade|verdict)\s*["'`]\s*:\s*["']?(5|5\.0|10|100|five|max|perfect|excellent|strong)\b
            |^\s*(depth|specificity)\s*[:=]\s*\d
            |^\s*(score|rating|grade)\s*[:=]\s*(5|10|100)\b
        """, Options, TimeoutMilliseconds)]
    private static partial Regex JudgmentJsonPattern();

    [GeneratedRegex("""
            \b(ignorier\w{0,20}|vergiss|vergessen\s+sie)\b[^.\n]{0,40}\b(anweisung\w{0,20}|instruktion\w{0,20}|regeln|vorgaben|befehle)\b
            |\b(5|fünf|volle|höchste|maximale|beste)\s+(punkte|punktzahl|note|bewertung|sterne)\b|\b(höchstnote|bestnote|volle\s+punktzahl)\b
            |\b(ignore[zr]?|oublie[zr]?)\b[^.\n]{0,30}\b(les\s+)?(instructions\s+(précédentes|precedentes|ci-dessus)|consignes|règles)\b
            |\bnote\s+(de\s+)?(5|cinq|maximale)\b|\b20\s*/\s*20\b
            |\b(ignora|ignorar|ignore|olvida|olvide|olvidar)\b[^.\n]{0,30}\b(instrucciones|reglas|indicaciones)\b
            |\b(puntuación|puntuacion|nota|calificación|calificacion|puntaje)\s+(de\s+)?(5|cinco|máxima|maxima|perfecta)\b
            |\b(ignore|ignora|esqueça|esqueca)\b[^.\n]{0,30}\b(instruções|instrucoes|regras)\b
            |\b(ignora|dimentica)\b[^.\n]{0,30}\b(istruzioni|regole)\b
            |\b(negeer|vergeet)\b[^.\n]{0,30}\b(instructies|regels)\b
            |\b(zignoruj|zapomnij)\b[^.\n]{0,30}\b(instrukcje|polecenia|zasady)\b
            |(игнорир|проигнорир|забудь|забудьте|не\s+обращай)\w{0,20}[^.\n]{0,40}(инструкц|указани|правил|промпт)
            |(оценк|балл)\w{0,20}[^.\n]{0,15}(\b5\b|пять|максимальн|высш)|\b(5|пять)\s+балл
            |(忽略|无视|無視|忘记|忘記)[^。\n]{0,12}(指令|指示|说明|說明|规则|規則|提示|命令)
            |满分|滿分|给我?[^。\n]{0,4}[5五]分|打[5五]分
            |(指示|命令|ルール|プロンプト)[^。\n]{0,10}(無視|忘れ)|満点
            |(지시|명령|지침|규칙)[^.\n]{0,12}(무시|잊어)|만점
            |\b(talimat|kural)\w{0,20}[^.\n]{0,20}(yok\s+say|görmezden|unut)
        """, Options, TimeoutMilliseconds)]
    private static partial Regex ForeignInstructionPattern();

    /// <summary>Scans <paramref name="text"/>; the caller bounds its length.</summary>
    /// <param name="text">The text to scan (untrusted).</param>
    /// <param name="truncated">True when <paramref name="text"/> is the start of a longer answer, so a whitespace
    /// run reaching its end still hides what follows.</param>
    public static InjectionScan Scan(string text, bool truncated = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new InjectionScan([], -1, 0);
        }

        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        var map = ArrayPool<int>.Shared.Rent(text.Length);
        try
        {
            var fold = Fold(text, folded, map);
            var found = new int[FindingOrder.Length];
            Array.Fill(found, -1);

            if (fold.HiddenCount >= HiddenCharacterThreshold || fold.TagOrBidiCount > 0)
            {
                found[Array.IndexOf(FindingOrder, HiddenCharacters)] = fold.FirstHidden;
            }

            if (fold.MixedScriptWords >= HomoglyphWordThreshold)
            {
                found[Array.IndexOf(FindingOrder, Homoglyphs)] = fold.FirstMixedScript;
            }

            var span = folded.AsSpan(0, fold.Length);
            var windows = TriggerWindows(span);
            for (var k = 0; k < Patterns.Length; k++)
            {
                found[k] = windows[k] is { } list ? FirstMatch(Patterns[k], span, list, map) : -1;
            }

            var padding = FindPadding(text, truncated);
            if (padding >= 0)
            {
                found[Array.IndexOf(FindingOrder, Padding)] = padding;
            }

            return ToScan(text, found);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            ArrayPool<int>.Shared.Return(map);
        }
    }

    /// <summary>
    /// For each pattern, the ranges of the folded text worth matching: <see cref="WindowMargin"/> characters around
    /// every trigger word of the pattern, merged; null when the text has none (the usual case).
    /// </summary>
    private static List<(int Start, int End)>?[] TriggerWindows(ReadOnlySpan<char> folded)
    {
        var windows = new List<(int Start, int End)>?[Patterns.Length];
        if (folded.IndexOfAny(CjkTriggers) >= 0)
        {
            windows[ForeignPatternIndex] = [(0, folded.Length)];
        }

        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                i++;
            }

            if (TriggerLookup.TryGetValue(folded[start..Math.Min(i, start + TriggerKeyLength)], out var mask))
            {
                AddWindow(windows, mask, Math.Max(0, start - WindowMargin), Math.Min(folded.Length, i + WindowMargin));
            }
        }

        // "<|im_start|>"-style chat-template tokens carry no trigger word.
        if (folded.IndexOf("<|", StringComparison.Ordinal) is var bar and >= 0)
        {
            AddWindow(windows, 1 << FakeRolePatternIndex, Math.Max(0, bar - WindowMargin), folded.Length);
        }

        return windows;
    }

    private static void AddWindow(List<(int Start, int End)>?[] windows, int mask, int start, int end)
    {
        for (var k = 0; k < windows.Length; k++)
        {
            if ((mask & (1 << k)) == 0)
            {
                continue;
            }

            var list = windows[k] ??= [];
            if (list.Count > 0 && start <= list[^1].End)
            {
                list[^1] = (Math.Min(list[^1].Start, start), Math.Max(list[^1].End, end));
            }
            else
            {
                list.Add((start, end));
            }
        }
    }

    /// <summary>Source offset of the first match in any window, or -1. Text so odd that matching times out counts as found.</summary>
    private static int FirstMatch(Regex pattern, ReadOnlySpan<char> folded, List<(int Start, int End)> windows, int[] map)
    {
        foreach (var (start, end) in windows)
        {
            try
            {
                foreach (var match in pattern.EnumerateMatches(folded[start..end]))
                {
                    return map[start + match.Index];
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return map[start];
            }
        }

        return -1;
    }

    private static FrozenDictionary<string, int> BuildTriggerMasks()
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < TriggerWords.Length; k++)
        {
            foreach (var word in TriggerWords[k])
            {
                var key = word[..Math.Min(word.Length, TriggerKeyLength)];
                masks[key] = masks.GetValueOrDefault(key) | (1 << k);
            }
        }

        return masks.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static readonly string[] FindingOrder =
    [
        InstructionOverride, ScoreRequest, RolePlay, FakeRoleMarker, JudgmentJson, ForeignInstruction, HiddenCharacters, Homoglyphs, Padding,
    ];

    private static InjectionScan ToScan(string text, int[] found)
    {
        List<string>? findings = null;
        var first = int.MaxValue;
        var cut = int.MaxValue;
        for (var k = 0; k < found.Length; k++)
        {
            if (found[k] < 0)
            {
                continue;
            }

            (findings ??= []).Add(FindingOrder[k]);
            first = Math.Min(first, found[k]);

            // Padding separates the payload from the answer by itself; other findings take their sentence with them.
            cut = Math.Min(cut, FindingOrder[k] == Padding ? found[k] : SentenceStart(text, found[k]));
        }

        return findings is null ? new InjectionScan([], -1, text.Length) : new InjectionScan(findings, first, cut);
    }

    /// <summary>Where the sentence holding <paramref name="index"/> starts: after . ! ? or a newline, or after a run of blanks.</summary>
    private static int SentenceStart(string text, int index)
    {
        var blanks = 0;
        for (var i = Math.Min(index, text.Length) - 1; i >= 0; i--)
        {
            if (text[i] is '\n' or '.' or '!' or '?' or '。')
            {
                return i + 1;
            }

            blanks = char.IsWhiteSpace(text[i]) ? blanks + 1 : 0;
            if (blanks >= 3)
            {
                return i;
            }
        }

        return 0;
    }

    private readonly record struct FoldResult(int Length, int HiddenCount, int TagOrBidiCount, int FirstHidden, int MixedScriptWords, int FirstMixedScript);

    /// <summary>Writes the folded text into <paramref name="output"/> with each char's source offset in <paramref name="map"/>.</summary>
    private static FoldResult Fold(string text, char[] output, int[] map)
    {
        var length = 0;
        var hidden = 0;
        var tagOrBidi = 0;
        var firstHidden = -1;
        Span<char> encoded = stackalloc char[2];
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var value = rune.Value;
            if (value is >= 0xE0000 and <= 0xE007F)
            {
                // Unicode tag characters: invisible copies of ASCII used to smuggle instructions. Decode them.
                tagOrBidi++;
                firstHidden = firstHidden < 0 ? i : firstHidden;
                if (value is >= 0xE0020 and <= 0xE007E && length < output.Length)
                {
                    output[length] = char.ToLowerInvariant((char)(value - 0xE0000));
                    map[length++] = i;
                }
            }
            else if (IsBidiControl(value))
            {
                tagOrBidi++;
                firstHidden = firstHidden < 0 ? i : firstHidden;
            }
            else if (IsInvisible(rune))
            {
                // A zero-width joiner inside an emoji sequence is normal; count only those next to word characters.
                if (value != 0x200D || (length > 0 && char.IsLetterOrDigit(output[length - 1])))
                {
                    hidden++;
                    firstHidden = firstHidden < 0 ? i : firstHidden;
                }
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                // One character per whitespace run (a newline if the run has one), so patterns and windows see short gaps.
                var newline = value is '\n' or '\r' or 0x2028 or 0x2029;
                if (length > 0 && output[length - 1] is ' ' or '\n')
                {
                    output[length - 1] = newline ? '\n' : output[length - 1];
                }
                else if (length < output.Length)
                {
                    output[length] = newline ? '\n' : ' ';
                    map[length++] = i;
                }
            }
            else
            {
                var folded = FoldRune(rune);
                var written = folded.EncodeToUtf16(encoded);
                for (var k = 0; k < written && length < output.Length; k++)
                {
                    output[length] = encoded[k];
                    map[length++] = i;
                }
            }

            i += consumed;
        }

        var (mixed, firstMixed) = FoldMixedScriptWords(output.AsSpan(0, length), map);
        return new FoldResult(length, hidden, tagOrBidi, firstHidden, mixed, firstMixed);
    }

    /// <summary>
    /// In words that mix ASCII letters with Cyrillic or Greek look-alikes ("іgnоre"), replaces the look-alikes by
    /// the ASCII letters they imitate. Words written wholly in Cyrillic or Greek are real words and stay as they are.
    /// </summary>
    private static (int Count, int First) FoldMixedScriptWords(Span<char> text, int[] map)
    {
        var count = 0;
        var first = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            bool ascii = false, lookAlike = false;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                ascii |= char.IsAsciiLetter(text[i]);
                lookAlike |= LookAlike(text[i]) != '\0';
                i++;
            }

            if (ascii && lookAlike)
            {
                count++;
                first = first < 0 ? map[start] : first;
                for (var k = start; k < i; k++)
                {
                    var latin = LookAlike(text[k]);
                    if (latin != '\0')
                    {
                        text[k] = latin;
                    }
                }
            }
        }

        return (count, first);
    }

    private static Rune FoldRune(Rune rune)
    {
        var value = rune.Value;
        return value switch
        {
            // Fullwidth ASCII (ｉｇｎｏｒｅ).
            >= 0xFF01 and <= 0xFF5E => new Rune(char.ToLowerInvariant((char)(value - 0xFEE0))),

            // Mathematical alphanumeric letters (𝐢𝐠𝐧𝐨𝐫𝐞): 13 styles of A–Z a–z, then digits.
            >= 0x1D400 and <= 0x1D6A3 => new Rune((char)('a' + ((value - 0x1D400) % 52 % 26))),
            >= 0x1D7CE and <= 0x1D7FF => new Rune((char)('0' + ((value - 0x1D7CE) % 10))),

            // Circled letters (ⓘⓖⓝⓞⓡⓔ).
            >= 0x24B6 and <= 0x24CF => new Rune((char)('a' + (value - 0x24B6))),
            >= 0x24D0 and <= 0x24E9 => new Rune((char)('a' + (value - 0x24D0))),
            _ => Rune.ToLowerInvariant(rune),
        };
    }

    /// <summary>The ASCII letter a lowercase Cyrillic or Greek letter imitates, or '\0'.</summary>
    private static char LookAlike(char c) => c switch
    {
        'а' => 'a', 'в' => 'b', 'е' => 'e', 'ё' => 'e', 'к' => 'k', 'м' => 'm', 'н' => 'h', 'о' => 'o', 'р' => 'p',
        'с' => 'c', 'т' => 't', 'у' => 'y', 'х' => 'x', 'і' => 'i', 'ї' => 'i', 'ј' => 'j', 'ѕ' => 's', 'ԁ' => 'd',
        'ԛ' => 'q', 'ԝ' => 'w', 'һ' => 'h', 'ӏ' => 'l',
        'α' => 'a', 'β' => 'b', 'ε' => 'e', 'η' => 'n', 'ι' => 'i', 'κ' => 'k', 'ν' => 'v', 'ο' => 'o', 'ρ' => 'p',
        'τ' => 't', 'υ' => 'u', 'χ' => 'x', 'ϲ' => 'c', 'ϳ' => 'j',
        _ => '\0',
    };

    private static bool IsBidiControl(int value) => value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool IsInvisible(Rune rune)
    {
        var value = rune.Value;
        return value is (>= 0x200B and <= 0x200F) or (>= 0x2060 and <= 0x2064) or 0xFEFF or 0x00AD or 0x180E or 0x034F
            or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or 0x115F or 0x1160 or 0x3164 or 0xFFA0
            || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format;
    }

    /// <summary>Offset of the first padding run (long whitespace, one character or one word repeated), or -1.</summary>
    private static int FindPadding(string text, bool truncated)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            while (i < text.Length && (text[i] == c || (char.IsWhiteSpace(c) && char.IsWhiteSpace(text[i]))))
            {
                i++;
            }

            var run = i - start;
            if (run >= PaddingRun && (!char.IsWhiteSpace(c) || i < text.Length || truncated))
            {
                return start;
            }
        }

        return FindRepeatedWords(text);
    }

    private static int FindRepeatedWords(string text)
    {
        var previousStart = -1;
        var previousLength = 0;
        var repeats = 0;
        var runStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (previousStart >= 0 && length == previousLength
                && text.AsSpan(start, length).Equals(text.AsSpan(previousStart, previousLength), StringComparison.OrdinalIgnoreCase))
            {
                if (++repeats >= RepeatedWordRun)
                {
                    return runStart;
                }
            }
            else
            {
                repeats = 1;
                runStart = start;
            }

            previousStart = start;
            previousLength = length;
        }

        return -1;
    }
}
