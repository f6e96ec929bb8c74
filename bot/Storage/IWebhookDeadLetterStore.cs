namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Webhook events that failed every attempt, for an operator to list and replay (<c>webhook dead-letters</c>,
/// <c>webhook replay</c>). One per storage provider, beside its stores; keyed by event id, so dead-lettering an event
/// again (a crash repeated the last attempt, or a replay failed too) replaces its entry instead of listing it twice.
/// </summary>
/// <remarks>Thread-safe and shared by every bot instance and the command line. Failures throw
/// <see cref="Dialogs.Storage.StorageUnavailableException"/>.</remarks>
internal interface IWebhookDeadLetterStore
{
    /// <summary>Stores <paramref name="deadLetter"/>, replacing an earlier entry of the same event.</summary>
    Task AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> dead letters, oldest first (ties by event id).</summary>
    Task<IReadOnlyList<WebhookDeadLetter>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The dead letter of event <paramref name="eventId"/>, or null.</summary>
    Task<WebhookDeadLetter?> GetAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes <paramref name="deadLetter"/> if it is still the stored entry (same event, same
    /// <see cref="WebhookDeadLetter.DeadLetteredAt"/>); false when it is gone or was dead-lettered again meanwhile, which
    /// stays listed.
    /// </summary>
    Task<bool> RemoveAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Deletes every dead letter about interview <paramref name="interviewId"/> (their bodies name the candidate: erasure); returns how many.</summary>
    Task<int> DeleteForInterviewAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>Deletes every dead letter dead-lettered before <paramref name="cutoff"/> (retention, bot/Storage/RetentionWorker.cs); returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
