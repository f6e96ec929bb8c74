namespace ScreeningBot.Dialogs.Compliance;

/// <summary>One screened candidate as the adverse-impact report counts them: their self-identification and what happened to them.</summary>
/// <param name="Sex">Null when not answered; <see cref="SexCategory.PreferNotToSay"/> counts as unknown too.</param>
/// <param name="RaceEthnicity">Null when not answered; <see cref="RaceEthnicityCategory.PreferNotToSay"/> counts as unknown too.</param>
/// <param name="Recommended">The screening bot recommended Yes or Strong Yes.</param>
/// <param name="Advanced">A person advanced them (true), decided otherwise (false), or has not decided (null).</param>
public sealed record ImpactCandidate(SexCategory? Sex, RaceEthnicityCategory? RaceEthnicity, bool Recommended, bool? Advanced);
