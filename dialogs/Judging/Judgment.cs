using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// The judge's verdict on one answer. Values are validated and clamped by whoever creates them
/// (<see cref="Judgment.Create"/> does it), so consumers can trust the ranges.
/// </summary>
public sealed record Judgment
{
    public const double MaxDepth = 5.0;

    /// <summary>Depth of the answer on the 0–5 scale (0 = no answer, 5 = expert, complete, specific).</summary>
    public required double Depth { get; init; }

    /// <summary>Specificity 0–5: numbers, named tools, trade-offs, first-hand detail.</summary>
    public required double Specificity { get; init; }

    /// <summary>Knowledge areas of the question the answer covered.</summary>
    public IReadOnlyList<string> AreasCovered { get; init; } = [];

    /// <summary>Knowledge areas the answer touched on without covering them (partial evidence).</summary>
    public IReadOnlyList<string> AreasTouched { get; init; } = [];

    /// <summary>Knowledge areas nothing in the answer supports: neither covered nor touched.</summary>
    public IReadOnlyList<string> AreasMissing { get; init; } = [];

    /// <summary>Problems a recruiter should see (e.g. <c>prompt-injection</c>, <c>copied-question</c>).</summary>
    public IReadOnlyList<RedFlag> RedFlags { get; init; } = [];

    /// <summary>The question's red flags (from the profile) this answer hits; see <see cref="RedFlagHit"/>.</summary>
    public IReadOnlyList<RedFlagHit> FlagsHit { get; init; } = [];

    /// <summary>One short quote taken verbatim from the candidate's answer, or null.</summary>
    public string? EvidenceQuote { get; init; }

    /// <summary>Whether the judge thinks a follow-up would help (vague or incomplete answer).</summary>
    public bool NeedsFollowUp { get; init; }

    /// <summary>What a follow-up should probe: a missing knowledge area or a signal such as <c>metrics</c>.</summary>
    public string? FollowUpFocus { get; init; }

    /// <summary>A follow-up the judge proposes (LLM judge); the planner may use or replace it.</summary>
    public string? SuggestedFollowUp { get; init; }

    /// <summary>
    /// The CEFR level the LLM judge gave a language-assessment answer (from the CEFR writing descriptors); null for other
    /// questions, for the rubric judge, and when the LLM found the answer not assessable.
    /// </summary>
    public CefrLevel? LanguageLevel { get; init; }

    /// <summary>Which judge produced the verdict.</summary>
    public JudgeKind JudgedBy { get; init; } = JudgeKind.Rubric;

    /// <summary>Why the LLM judge fell back to the rubric judge (timeout, invalid output, budget…).</summary>
    public string? FallbackReason { get; init; }

    /// <summary>
    /// LLM prompt tokens spent on this judgment (0 for the rubric judge). Once recorded in the dialog state it also
    /// counts the earlier judgments of the same question's answer that led to follow-ups.
    /// </summary>
    public int InputTokens { get; init; }

    /// <summary>LLM completion tokens, counted like <see cref="InputTokens"/>.</summary>
    public int OutputTokens { get; init; }

    /// <summary>Builds a judgment with every figure clamped into its range and lists de-duplicated.</summary>
    public static Judgment Create(
        double depth,
        double specificity,
        IEnumerable<string>? areasCovered = null,
        IEnumerable<string>? areasMissing = null,
        IEnumerable<RedFlag>? redFlags = null,
        string? evidenceQuote = null,
        bool needsFollowUp = false,
        string? followUpFocus = null,
        JudgeKind judgedBy = JudgeKind.Rubric,
        IEnumerable<string>? areasTouched = null) => new()
        {
            Depth = Clamp(depth),
            Specificity = Clamp(specificity),
            AreasCovered = Distinct(areasCovered),
            AreasTouched = Distinct(areasTouched),
            AreasMissing = Distinct(areasMissing),
            RedFlags = redFlags?.Distinct().ToArray() ?? [],
            EvidenceQuote = string.IsNullOrWhiteSpace(evidenceQuote) ? null : evidenceQuote.Trim(),
            NeedsFollowUp = needsFollowUp,
            FollowUpFocus = string.IsNullOrWhiteSpace(followUpFocus) ? null : followUpFocus,
            JudgedBy = judgedBy,
        };

    /// <summary>Clamps a figure into 0–5; NaN becomes 0.</summary>
    public static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Round(Math.Clamp(value, 0, MaxDepth), 2);

    private static string[] Distinct(IEnumerable<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() ?? [];
}

/// <summary>A named problem with an answer. Codes are stable strings; <see cref="Detail"/> is for humans.</summary>
public sealed record RedFlag(string Code, string Detail)
{
    /// <summary>Text addressed to the grader or the hiring team: instructions, score requests, memos, pleas, fake verdicts, hidden or encoded text.</summary>
    public const string PromptInjection = "prompt-injection";
    public const string CopiedQuestion = "copied-question";
    public const string KeywordStuffing = "keyword-stuffing";
    public const string NoAnswer = "no-answer";
    public const string OffTopic = "off-topic";

    /// <summary>Sentences copied from the question's reference answer.</summary>
    public const string CopiedReference = "copied-reference";

    /// <summary>The same or nearly the same answer as one given to another question.</summary>
    public const string RepeatedAnswer = "repeated-answer";

    /// <summary>More text than anyone could type between the question and the answer.</summary>
    public const string TypingSpeed = "typing-speed";

    /// <summary>HTML markup or links, which are not read as part of the answer.</summary>
    public const string Markup = "markup";

    /// <summary>The codes about the integrity of an answer (gaming), as opposed to its quality.</summary>
    public static IReadOnlyList<string> IntegrityCodes { get; } =
        [PromptInjection, CopiedReference, CopiedQuestion, KeywordStuffing, RepeatedAnswer, TypingSpeed, Markup];

    public static bool IsIntegrityCode(string code) => IntegrityCodes.Contains(code, StringComparer.Ordinal);
}

public enum JudgeKind
{
    /// <summary>The offline rubric judge.</summary>
    Rubric,

    /// <summary>The LLM judge.</summary>
    Llm,

    /// <summary>The LLM judge was asked but the rubric judge answered (see <see cref="Judgment.FallbackReason"/>).</summary>
    RubricFallback,
}
