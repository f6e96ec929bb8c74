namespace ScreeningBot.Bot.Judging;

/// <summary>
/// What the narrator model is told about a screen: the scorecard's figures and the per-answer judgments, with no
/// name or contact detail of the candidate. Serialized to JSON and sent as data in the user message.
/// </summary>
internal sealed record NarrativeFacts(
    string Profile,
    string Outcome,
    int CompositeScore,
    string Recommendation,
    double Confidence,
    int CoveragePercent,
    int PreferredSkillBonus,
    IReadOnlyList<NarrativeFacts.ScoreFact> Dimensions,
    IReadOnlyList<NarrativeFacts.ScoreFact> RequiredSkills,
    IReadOnlyList<NarrativeFacts.ScoreFact> PreferredSkills,
    IReadOnlyList<NarrativeFacts.CompetencyFact> Competencies,
    IReadOnlyList<NarrativeFacts.AnswerFact> Answers,
    string? Language,
    IReadOnlyList<string> RisksAlreadyListed,
    IReadOnlyList<NarrativeFacts.QuoteFact> NotableQuotes)
{
    /// <param name="Score">0–10.</param>
    internal sealed record ScoreFact(string Name, double Score, int? Weight = null);

    internal sealed record CompetencyFact(string Statement, bool Evidenced);

    /// <param name="Depth">0–5.</param>
    internal sealed record AnswerFact(
        string QuestionId,
        string Question,
        string Kind,
        bool Skipped,
        double Depth,
        double Specificity,
        IReadOnlyList<string> AreasCovered,
        IReadOnlyList<string> AreasMissing,
        IReadOnlyList<string> RedFlags,
        int FollowUpsAsked);

    /// <summary>A verbatim quote of the candidate (untrusted text).</summary>
    internal sealed record QuoteFact(string QuestionId, string Text);
}
