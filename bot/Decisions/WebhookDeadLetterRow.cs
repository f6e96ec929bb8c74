namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// One dead-lettered webhook event as <c>webhook dead-letters --json</c> prints it: references and the failure, never the
/// body (it names the candidate).
/// </summary>
/// <param name="CandidateId">The candidate's chat user id from the event, when the body carries one.</param>
internal sealed record WebhookDeadLetterRow(string EventId, string EventType, string InterviewId, string? CandidateId, int Attempts, string LastError, DateTimeOffset DeadLetteredAt);
