namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// What the screen covered, part by part: the share of judged questions answered, the experience questions answered,
/// how deep the design deep-dives went, the competencies and skills the answers evidence, the language result when the
/// profile assesses one, and every gap (a question skipped, not reached, or answered with nothing that could be judged).
/// </summary>
/// <param name="OverallPercent">Judged questions answered (0–100), follow-ups included.</param>
/// <param name="CustomAnswered">Experience questions answered.</param>
/// <param name="CustomTotal">Experience questions planned.</param>
/// <param name="BlueprintDepthPercent">Average depth of the design deep-dives (0–100, 100 = depth 5 of 5); null without blueprints.</param>
/// <param name="CompetenciesEvidenced">Competencies with a sentence showing the behaviour.</param>
/// <param name="CompetenciesTotal">Competencies in the profile.</param>
/// <param name="RequiredSkillsShown">Required skills scored at least <see cref="ScorecardBuilder.SkillShownScore"/> of 10.</param>
/// <param name="RequiredSkillsTotal">Required skills in the profile.</param>
/// <param name="PreferredSkillsShown">Preferred skills the answers mention.</param>
/// <param name="PreferredSkillsTotal">Preferred skills in the profile.</param>
/// <param name="Language">"B2 (target B2)", when the profile assesses a language; null otherwise.</param>
public sealed record CoverageBreakdown(
    int OverallPercent,
    int CustomAnswered,
    int CustomTotal,
    int? BlueprintDepthPercent,
    int CompetenciesEvidenced,
    int CompetenciesTotal,
    int RequiredSkillsShown,
    int RequiredSkillsTotal,
    int PreferredSkillsShown,
    int PreferredSkillsTotal,
    string? Language)
{
    /// <summary>Questions asked but not answered, skipped, or not reached, in interview order.</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; init; } = [];
}
