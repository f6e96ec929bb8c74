using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// The result of a screen: one model, rendered as an Adaptive Card (Teams, Web Chat), Block Kit (Slack),
/// and a Markdown/HTML report with the transcript. Built by <c>ScorecardBuilder</c>; every quote in
/// it is taken verbatim from the candidate's own words.
/// </summary>
public sealed record Scorecard
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string InterviewId { get; init; }

    public required string ProfileId { get; init; }

    public required string ProfileTitle { get; init; }

    public required string CandidateName { get; init; }

    public required InterviewStatus Outcome { get; init; }

    /// <summary>Weighted composite 0–100 (rubric dimensions plus preferred-skill bonus, capped at 100).</summary>
    public required int CompositeScore { get; init; }

    public required Recommendation Recommendation { get; init; }

    /// <summary>
    /// How far to trust the score, 0–1: how much the candidate said, how well the answers feeding each dimension agree,
    /// how many questions were answered, and how many answers were flagged for integrity (see ScorecardBuilder).
    /// </summary>
    public required double Confidence { get; init; }

    /// <summary>Share of planned questions answered (0–100).</summary>
    public required int CoveragePercent { get; init; }

    /// <summary>Coverage part by part, with the gaps; null on scorecards stored before it existed.</summary>
    public CoverageBreakdown? Breakdown { get; init; }

    public IReadOnlyList<KnockoutLine> Knockouts { get; init; } = [];

    public IReadOnlyList<CompetencyLine> Competencies { get; init; } = [];

    public IReadOnlyList<SkillLine> RequiredSkills { get; init; } = [];

    public IReadOnlyList<SkillLine> PreferredSkills { get; init; } = [];

    /// <summary>Points added for preferred skills (already included in <see cref="CompositeScore"/>).</summary>
    public int PreferredSkillBonus { get; init; }

    public IReadOnlyList<DimensionLine> Dimensions { get; init; } = [];

    public IReadOnlyList<BlueprintCoverage> Blueprints { get; init; } = [];

    /// <summary>Knowledge areas of the experience questions, each judged over its answer and follow-ups.</summary>
    public IReadOnlyList<QuestionCoverage> Experience { get; init; } = [];

    /// <summary>Answers flagged for gaming the judgment, in question order; their flagged parts were not scored.</summary>
    public IReadOnlyList<IntegrityFlag> Integrity { get; init; } = [];

    public LanguageResult? Language { get; init; }

    /// <summary>The hiring team's red flags (from the profile) that the answers hit, in question order; only those hit.</summary>
    public IReadOnlyList<RedFlagLine> RedFlags { get; init; } = [];

    public IReadOnlyList<string> Strengths { get; init; } = [];

    public IReadOnlyList<string> Risks { get; init; } = [];

    public IReadOnlyList<Quote> NotableQuotes { get; init; } = [];

    public required string SuggestedNextStep { get; init; }

    /// <summary>One-paragraph summary for the recruiter.</summary>
    public required string Summary { get; init; }

    /// <summary>
    /// Why the recommendation, in a few sentences (written by the LLM narrator from the judgments); null when the
    /// narrative comes from the offline templates.
    /// </summary>
    public string? Rationale { get; init; }

    /// <summary>Which judge scored the answers, e.g. "offline rubric judge" or "LLM (gpt-4o), 2 answers fell back".</summary>
    public required string JudgeDescription { get; init; }

    public int LlmInputTokens { get; init; }

    public int LlmOutputTokens { get; init; }

    /// <summary>Estimated LLM cost in USD from configured prices; null when unknown or offline.</summary>
    public decimal? EstimatedCostUsd { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Time the candidate spent, pauses excluded.</summary>
    public TimeSpan ActiveDuration { get; init; }

    /// <summary>Link to the full report, when the host serves one.</summary>
    public string? ReportUrl { get; init; }
}

public enum Recommendation
{
    No,
    Maybe,
    Yes,
    StrongYes,
}

public sealed record KnockoutLine(string KnockoutId, string Question, string Answer, bool Passed);

/// <param name="Passed">At least one answer shows the behaviour.</param>
/// <param name="Evidence">The sentence quoted for it (each quote is used once on a scorecard), or null.</param>
public sealed record CompetencyLine(string CompetencyId, string Statement, bool Passed, string? Evidence)
{
    /// <summary>How strongly the answers show it (see <see cref="CompetencyLevels"/>); null on scorecards stored before levels existed.</summary>
    public CompetencyLevel? Level { get; init; }

    /// <summary>The questions whose answers show it, in interview order.</summary>
    public IReadOnlyList<string> EvidencedIn { get; init; } = [];
}

/// <param name="Score">0–10.</param>
public sealed record SkillLine(string SkillId, string Name, double Score, string? Evidence);

/// <param name="Score">0–10.</param>
public sealed record DimensionLine(string DimensionId, string Name, int Weight, double Score, string? Quote);

/// <summary>
/// Knowledge areas of a blueprint and its follow-ups, judged over all its answers together: covered (+), touched (~,
/// partial evidence) and missed (−, nothing supports them), with the sentence behind each in <see cref="Areas"/>.
/// </summary>
public sealed record BlueprintCoverage(string BlueprintId, string Question, double Depth, IReadOnlyList<string> Covered, IReadOnlyList<string> Missing)
{
    public IReadOnlyList<string> Touched { get; init; } = [];

    public IReadOnlyList<AreaEvidence> Areas { get; init; } = [];
}


/// <summary>A red flag of a question that its answers hit.</summary>
/// <param name="QuestionId">The custom question or blueprint (its follow-ups are judged with it).</param>
/// <param name="Flag">The flag as the profile words it.</param>
/// <param name="NotMentioned">An <c>ifMissing</c> flag: no answer to the question mentions it.</param>
/// <param name="Quote">The sentence that shows an <c>ifSaid</c> flag, or null.</param>
public sealed record RedFlagLine(string QuestionId, string Flag, bool NotMentioned, string? Quote)
{
    /// <summary>The question's topic as people read it ("API versioning").</summary>
    public string Topic { get; init; } = string.Empty;
}

/// <summary>A verbatim quote from the candidate with the question it answered.</summary>
public sealed record Quote(string QuestionId, string Text);

public static class RecommendationExtensions
{
    /// <summary>"Strong Yes", "Yes", "Maybe", "No".</summary>
    public static string ToDisplay(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongYes => "Strong Yes",
        Recommendation.Yes => "Yes",
        Recommendation.Maybe => "Maybe",
        _ => "No",
    };
}
