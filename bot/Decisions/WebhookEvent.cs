namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// The body of one webhook POST (README "Webhook"): which event, when, and the screen as the export has it. No transcript,
/// no answers, no self-identification: what an applicant tracking system files against the candidate.
/// </summary>
internal sealed record WebhookEvent
{
    /// <summary>The event types.</summary>
    public const string ScorecardPosted = "scorecard.posted";

    public const string DecisionRecorded = "decision.recorded";

    /// <summary>Stable id (<c>evt_…</c>); also the <c>Idempotency-Key</c> header, the same on every attempt.</summary>
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The screen (one export row, camelCase).</summary>
    public required ExportRow Data { get; init; }
}
