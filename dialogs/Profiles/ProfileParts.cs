namespace ScreeningBot.Dialogs.Profiles;

/// <summary>A skill the role needs (required) or would like (preferred).</summary>
public sealed record Skill
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>Words and phrases that count as evidence of the skill in an answer (case-insensitive).</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];
}

/// <summary>A behavioural statement ("Owns production incidents end to end") judged pass/fail with evidence.</summary>
public sealed record Competency
{
    public required string Id { get; init; }

    public required string Statement { get; init; }

    /// <summary>Ids of the questions (custom or blueprint) whose answers evidence this competency.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Phrases that show the behaviour (e.g. "on-call", "postmortem").</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];

    /// <summary>Must-have competencies failing is called out as a risk.</summary>
    public bool MustHave { get; init; } = true;
}

/// <summary>Shared shape of anything the bot asks and judges: custom questions, blueprints and their follow-ups.</summary>
public interface IJudgedQuestion
{
    string Id { get; }

    string Text { get; }

    IReadOnlyList<string> KnowledgeAreas { get; }

    string? ReferenceAnswer { get; }

    /// <summary>Signals of the knowledge areas that have them (areas without signals are matched by their own words).</summary>
    IReadOnlyList<KnowledgeAreaSignals> AreaSignals => [];

    /// <summary>The hiring team's red flags for this question (a blueprint's follow-ups carry the blueprint's).</summary>
    IReadOnlyList<QuestionRedFlag> RedFlags => [];
}

/// <summary>Asked to every candidate in profile order; a vague answer gets adaptive follow-ups.</summary>
public sealed record CustomQuestion : IJudgedQuestion
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<string> KnowledgeAreas { get; init; } = [];

    public IReadOnlyList<KnowledgeAreaSignals> AreaSignals { get; init; } = [];

    /// <summary>What a strong answer contains; optional for experience questions.</summary>
    public string? ReferenceAnswer { get; init; }

    /// <summary>Skill ids this question evidences.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Rubric dimension ids this question feeds.</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>Topic tags (e.g. <c>idempotency</c>), like a bank blueprint's, for browsing and coverage checks.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Red flags checked over the answer and its follow-ups; shown on the scorecard only when hit.</summary>
    public IReadOnlyList<QuestionRedFlag> RedFlags { get; init; } = [];

    /// <summary>
    /// Pre-written follow-ups the planner may pick from, keyed by the knowledge area (or signal such as
    /// <c>metrics</c>, <c>tradeoffs</c>, <c>ownership</c>) they probe. Used before generic wording.
    /// </summary>
    public IReadOnlyList<AdaptiveFollowUp> FollowUps { get; init; } = [];
}

/// <summary>
/// A follow-up the planner may use when an answer misses <see cref="Probes"/>; a <see cref="FollowUpKind.PressureTest"/>
/// is asked once the answer needs no more probing, however good it was.
/// </summary>
public sealed record AdaptiveFollowUp(string Probes, string Text, FollowUpKind Kind = FollowUpKind.Probe);

/// <summary>
/// A deep-dive question with a reference answer and fixed follow-ups F1…Fn, asked to every candidate
/// in the same order so candidates are compared on the same ground.
/// </summary>
public sealed record Blueprint : IJudgedQuestion
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<string> KnowledgeAreas { get; init; } = [];

    public IReadOnlyList<KnowledgeAreaSignals> AreaSignals { get; init; } = [];

    public required string ReferenceAnswer { get; init; }

    public IReadOnlyList<BlueprintFollowUp> FollowUps { get; init; } = [];

    public IReadOnlyList<string> Skills { get; init; } = [];

    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>Bank id when the blueprint came from <c>profiles/bank</c>; null for inline blueprints.</summary>
    public string? BankId { get; init; }

    /// <summary>Topic tags from the bank (e.g. <c>databases</c>), for browsing.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Red flags checked over the deep-dive and its follow-ups together; shown on the scorecard only when hit.</summary>
    public IReadOnlyList<QuestionRedFlag> RedFlags { get; init; } = [];

    /// <summary>This blueprint with <paramref name="flags"/> as its red flags, given to its follow-ups too (they are judged as one item).</summary>
    public Blueprint WithRedFlags(IReadOnlyList<QuestionRedFlag> flags) =>
        this with { RedFlags = flags, FollowUps = [.. FollowUps.Select(f => f with { RedFlags = flags })] };
}

/// <summary>A pre-written blueprint follow-up (F1, F2, …).</summary>
public sealed record BlueprintFollowUp : IJudgedQuestion
{
    /// <summary>Unique within the profile: <c>&lt;blueprint-id&gt;.f1</c>.</summary>
    public required string Id { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<string> KnowledgeAreas { get; init; } = [];

    public IReadOnlyList<KnowledgeAreaSignals> AreaSignals { get; init; } = [];

    public string? ReferenceAnswer { get; init; }

    /// <summary>A pressure test changes the scenario of the deep-dive; it is asked to every candidate like the others.</summary>
    public FollowUpKind Kind { get; init; } = FollowUpKind.Probe;

    /// <summary>The blueprint's red flags (never written on a follow-up): each part's judge reports them, the scorecard joins them.</summary>
    public IReadOnlyList<QuestionRedFlag> RedFlags { get; init; } = [];
}

/// <summary>One weighted dimension of the rubric.</summary>
public sealed record RubricDimension
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Weight in percent; all weights of a profile sum to 100.</summary>
    public required int Weight { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>Which judgment figure feeds the dimension.</summary>
    public DimensionMeasure Measure { get; init; } = DimensionMeasure.Depth;
}

/// <summary>What a rubric dimension averages over the answers that feed it.</summary>
public enum DimensionMeasure
{
    /// <summary>Answer depth (0–5).</summary>
    Depth,

    /// <summary>Specificity: numbers, named tools, first-hand detail (0–5).</summary>
    Specificity,

    /// <summary>Share of knowledge areas covered.</summary>
    Coverage,

    /// <summary>
    /// How clearly the candidate writes: complete, structured sentences in their own words, weighed by how much of each
    /// question they cover. One-word or fragment answers score near zero.
    /// </summary>
    Clarity,
}

/// <summary>Optional switch of language for a few questions, judged against a CEFR target.</summary>
public sealed record LanguageAssessment
{
    /// <summary>BCP-47 language tag, e.g. <c>de</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Target CEFR level (A1…C2).</summary>
    public required CefrLevel TargetLevel { get; init; }

    /// <summary>The questions, written in the target language.</summary>
    public required IReadOnlyList<string> Questions { get; init; }
}

public enum CefrLevel
{
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

/// <summary>Composite-score thresholds for each recommendation.</summary>
public sealed record RecommendationThresholds(int StrongYes, int Yes, int Maybe)
{
    public static RecommendationThresholds Default { get; } = new(85, 70, 50);
}

/// <summary>Where the scorecard for this profile is posted.</summary>
/// <param name="Slack">Slack channel id (C…).</param>
/// <param name="Teams">Teams channel conversation id (19:…@thread.tacv2).</param>
public sealed record HiringChannels(string? Slack, string? Teams)
{
    public static HiringChannels None { get; } = new(null, null);
}
