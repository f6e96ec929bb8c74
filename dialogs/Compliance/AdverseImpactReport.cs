namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// Selection rates per group and impact ratios against the group with the highest rate, as a NYC Local Law 144 bias audit
/// reports them, for one profile (or all) over one period. Built by <see cref="AdverseImpact.Compute"/>; rendered as text in
/// <c>bot/Rendering/AdverseImpactText.cs</c>. Holds counts only, never a person.
/// </summary>
/// <param name="Candidates">Screened candidates in the period with a self-identification record and a scorecard.</param>
/// <param name="NotYetScored">Candidates with a self-identification record whose scorecard does not exist yet (left out).</param>
/// <param name="Recommended">Selection = the screening bot recommended Yes or Strong Yes.</param>
/// <param name="Advanced">Selection = a person advanced the candidate, over candidates with a decision; null while no decision is recorded.</param>
public sealed record AdverseImpactReport(
    string? ProfileId,
    DateTimeOffset From,
    DateTimeOffset To,
    int MinimumGroupSize,
    int Candidates,
    int NotYetScored,
    ImpactMeasure Recommended,
    ImpactMeasure? Advanced);

/// <summary>One definition of "selected", broken down by sex, by race/ethnicity, and by both.</summary>
/// <param name="Candidates">Candidates this measure counts.</param>
public sealed record ImpactMeasure(string Selection, int Candidates, IReadOnlyList<ImpactTable> Tables);

/// <summary>The groups of one dimension.</summary>
/// <param name="Unknown">Candidates left out of this table: not answered or preferred not to say.</param>
/// <param name="HighestGroup">The group with the highest selection rate among those large enough to judge; null when none is.</param>
public sealed record ImpactTable(string Dimension, IReadOnlyList<ImpactGroup> Groups, int Unknown, string? HighestGroup);

/// <summary>One group's figures.</summary>
/// <param name="Count">Candidates in the group.</param>
/// <param name="Selected">Of those, how many were selected.</param>
/// <param name="SelectionRate">Selected / count; null when suppressed.</param>
/// <param name="ImpactRatio">This rate / the highest group's rate; null when suppressed or when nobody was selected.</param>
/// <param name="Suppressed">Fewer than the minimum group size: too few to judge, so no rate or ratio is given.</param>
/// <param name="BelowFourFifths">The impact ratio is under 0.8, the EEOC four-fifths rule of thumb for adverse impact.</param>
public sealed record ImpactGroup(string Group, int Count, int Selected, double? SelectionRate, double? ImpactRatio, bool Suppressed, bool BelowFourFifths);
