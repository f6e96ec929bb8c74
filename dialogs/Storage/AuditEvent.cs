namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// What happened, as the audit log records it: an invitation, a consent, an opt-out, a decision and by whom, an export, an
/// erasure. Never candidate content: the candidate appears only as a pseudonym (<see cref="Compliance.AuditActors.CandidateRef"/>),
/// and <see cref="Detail"/> holds counts, statuses and recommendations, not answers or names.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>Longest <see cref="Actor"/> accepted.</summary>
    public const int MaxActorLength = 200;

    /// <summary>Longest <see cref="Detail"/> accepted; a detail is a short phrase, never text from a candidate.</summary>
    public const int MaxDetailLength = 500;

    public required DateTimeOffset Timestamp { get; init; }

    public required AuditAction Action { get; init; }

    /// <summary>Who did it: <c>recruiter:&lt;id&gt;</c>, <c>candidate</c>, <c>screening bot</c>, <c>operator</c>, <c>retention</c> (see <see cref="Compliance.AuditActors"/>).</summary>
    public required string Actor { get; init; }

    public string? InterviewId { get; init; }

    public string? ProfileId { get; init; }

    /// <summary>The candidate's pseudonym (a SHA-256 digest of their channel user id), so the log holds no id of theirs.</summary>
    public string? Candidate { get; init; }

    /// <summary>A short phrase: "recommendation Yes", "2 interviews, 31 transcript turns, 1 channel message".</summary>
    public string? Detail { get; init; }
}

/// <summary>The kinds of event the audit log records.</summary>
public enum AuditAction
{
    /// <summary>A recruiter invited a candidate to a screen.</summary>
    Invited,

    /// <summary>The candidate agreed to the notice and the screen began.</summary>
    ConsentGiven,

    /// <summary>The candidate declined; nothing was asked.</summary>
    ConsentDeclined,

    /// <summary>The candidate asked for a person instead; the screen ended without a score.</summary>
    OptedOut,

    /// <summary>The candidate withdrew.</summary>
    Withdrew,

    /// <summary>The screen ended, with its outcome in the detail (completed, a knockout, expired, the profile changed).</summary>
    Ended,

    /// <summary>A recruiter cancelled the screen.</summary>
    Cancelled,

    /// <summary>The screening bot's recommendation went to the hiring channel, for a person to decide on.</summary>
    Recommended,

    /// <summary>The hiring channel was told the candidate was not screened (declined, asked for a person).</summary>
    NotScreenedNotice,

    /// <summary>A person decided on a candidate (advance, reject, hold).</summary>
    Decided,

    /// <summary>Everything stored about a candidate was handed out (an access request).</summary>
    Exported,

    /// <summary>A candidate's data was erased (<c>forget</c>).</summary>
    Erased,

    /// <summary>Data older than the retention period was deleted.</summary>
    Purged,
}
