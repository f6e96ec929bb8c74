namespace ScreeningBot.Bot.Storage;

/// <summary>A job that kept failing, as kept in the poison store for an operator to inspect.</summary>
/// <param name="Body">The job as it was queued (DialogsJson of a ScoringJob, or the raw text if it was not valid).</param>
/// <param name="DequeueCount">Deliveries before it was poisoned.</param>
internal sealed record PoisonedJob(string MessageId, string Body, int DequeueCount, string Reason, DateTimeOffset PoisonedAt);
