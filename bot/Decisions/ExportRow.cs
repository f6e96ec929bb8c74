namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// One screen as exported for an applicant tracking system (one CSV row or JSON object): the candidate, the profile, where
/// the screen stands, the bot's recommendation and the people's decision. The candidate's name is untrusted text.
/// </summary>
internal sealed record ExportRow
{
    public required string InterviewId { get; init; }

    public required string Candidate { get; init; }

    public required string CandidateId { get; init; }

    public required string Profile { get; init; }

    /// <summary>The interview status: <c>Completed</c>, <c>InProgress</c>, <c>Expired</c>, <c>Withdrawn</c>…</summary>
    public required string Status { get; init; }

    public int? Score { get; init; }

    /// <summary><c>Strong Yes</c>, <c>Yes</c>, <c>Maybe</c>, <c>No</c>; empty until scored.</summary>
    public string? Recommendation { get; init; }

    public double? Confidence { get; init; }

    /// <summary><c>advance</c>, <c>reject</c>, <c>hold</c>; empty while nobody has decided.</summary>
    public string? Decision { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecisionReason { get; init; }

    public string? ReportLink { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
