namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// A screening profile: everything the bot needs to interview candidates for one role.
/// Loaded from <c>profiles/&lt;id&gt;.yaml</c> by <c>ProfileLoader</c> and validated in full by
/// <c>ProfileValidator</c> before any interview uses it; a <see cref="Profile"/> instance is
/// therefore always valid. Immutable and safe to share between threads.
/// </summary>
public sealed record Profile
{
    /// <summary>Stable id, lowercase kebab-case, equal to the file name (e.g. <c>backend-senior</c>).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string JobFamily { get; init; }

    /// <summary>Two or three sentences about the role, shown to the candidate in the welcome.</summary>
    public required string Brief { get; init; }

    /// <summary>The employer's privacy notice (an absolute http or https address), linked from the notice before the first question.</summary>
    public string? PrivacyUrl { get; init; }

    /// <summary>Interview language as a BCP-47 tag (e.g. <c>en</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Expected duration, shown to the candidate ("about 45 minutes").</summary>
    public int DurationMinutes { get; init; } = 45;

    public InterviewTemplate Template { get; init; } = InterviewTemplate.Standard;

    /// <summary>How the bot should sound; used by the LLM judge for follow-up wording.</summary>
    public string Tone { get; init; } = "warm, concise, professional";

    /// <summary>
    /// Guidance about the company written for the bot's operators and judges: context, and what the bot may or may not
    /// discuss. Never shown to candidates (the welcome shows <see cref="Brief"/>); the judges read
    /// <see cref="EvaluationNotes"/>, not this.
    /// </summary>
    public string CompanyInstructions { get; init; } = string.Empty;

    /// <summary>
    /// <c>candidateFeedback: true</c>: the message a candidate may get after a decision names strengths and areas to
    /// develop from the evidence (<see cref="Decisions.CandidateFeedbackWriter"/>); otherwise it gives the outcome only.
    /// Off by default: some employers' counsel want no reasons given.
    /// </summary>
    public bool CandidateFeedback { get; init; }

    /// <summary>Notes for the judge: what good looks like for this role.</summary>
    public string EvaluationNotes { get; init; } = string.Empty;

    /// <summary>Topics the bot must never ask about (age, family, health, …). Follow-ups are checked against these.</summary>
    public IReadOnlyList<string> BannedTopics { get; init; } = [];

    public IReadOnlyList<Knockout> Knockouts { get; init; } = [];

    /// <summary>3–7 skills, each scored 0–10 with evidence.</summary>
    public IReadOnlyList<Skill> RequiredSkills { get; init; } = [];

    /// <summary>Bonus skills: evidence of them adds a small bonus to the composite score.</summary>
    public IReadOnlyList<Skill> PreferredSkills { get; init; } = [];

    /// <summary>Behavioural statements judged pass/fail with evidence.</summary>
    public IReadOnlyList<Competency> Competencies { get; init; } = [];

    /// <summary>Asked to every candidate in order; vague answers get adaptive follow-ups.</summary>
    public IReadOnlyList<CustomQuestion> CustomQuestions { get; init; } = [];

    /// <summary>Deep-dive questions with fixed follow-ups asked to every candidate in the same order.</summary>
    public IReadOnlyList<Blueprint> Blueprints { get; init; } = [];

    /// <summary>Weighted scoring dimensions; weights sum to 100.</summary>
    public IReadOnlyList<RubricDimension> Rubric { get; init; } = [];

    public LanguageAssessment? LanguageAssessment { get; init; }

    public RecommendationThresholds Recommendation { get; init; } = RecommendationThresholds.Default;

    /// <summary>Where scorecards go, per channel; falls back to the channel the screen was started from.</summary>
    public HiringChannels HiringChannels { get; init; } = HiringChannels.None;

    /// <summary>
    /// Days a screen on this profile stays open after the invitation (its interview link expires with it); null uses
    /// <c>Screening:InterviewExpiryDays</c>. A role that must fill fast can close sooner, one with a long round later.
    /// </summary>
    public int? ExpiryDays { get; init; }

    /// <summary>
    /// SHA-256 (hex, first 16 chars) of the profile's content after bank references are resolved.
    /// Stored in every interview's dialog state so a profile edited mid-interview is detected.
    /// </summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>The file the profile came from, for error messages; empty for profiles built in code.</summary>
    public string SourcePath { get; init; } = string.Empty;

    /// <summary>Follow-ups allowed per custom question by <see cref="Template"/>.</summary>
    public int MaxAdaptiveFollowUps => Template switch
    {
        InterviewTemplate.Quick => 1,
        InterviewTemplate.Deep => 5,
        _ => 3,
    };
}

/// <summary>How deep the interview goes: the number of adaptive follow-ups per custom question.</summary>
public enum InterviewTemplate
{
    /// <summary>One follow-up per question.</summary>
    Quick,

    /// <summary>Three follow-ups per question.</summary>
    Standard,

    /// <summary>Five follow-ups per question.</summary>
    Deep,
}
