using ScreeningBot.Dialogs.Compliance;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// A candidate's optional self-identification, given after the interview and kept apart from it: never in the interview's
/// state, its transcript or its scorecard, never shown to the judge or to recruiters one by one. Only counted, per group, in
/// the adverse-impact report. Null fields were not answered.
/// </summary>
public sealed record SelfIdentification
{
    public required string InterviewId { get; init; }

    public required string ProfileId { get; init; }

    /// <summary>When the interview was created: the adverse-impact report's period is over this date.</summary>
    public required DateTimeOffset InterviewCreatedAt { get; init; }

    public SexCategory? Sex { get; init; }

    public RaceEthnicityCategory? RaceEthnicity { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>Filter for <see cref="ISelfIdentificationStore.ListAsync"/>: one profile or all, interviews created in [<paramref name="From"/>, <paramref name="To"/>).</summary>
public sealed record SelfIdentificationQuery(string? ProfileId, DateTimeOffset From, DateTimeOffset To);
