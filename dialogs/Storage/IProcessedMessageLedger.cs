namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Remembers which inbound deliveries (Slack event ids, Bot Framework activity ids, slash-command
/// invocations) were already taken, so a redelivery is processed once across all bot instances.
/// </summary>
/// <remarks>
/// Two ways to use it. <see cref="TryRecordAsync"/> before the work claims a delivery atomically, but a claim
/// stays even when the work then fails, so the sender's retry is dropped. <see cref="ContainsAsync"/> before the
/// work and <see cref="TryRecordAsync"/> after it commits lets a failed delivery be retried; it needs the work
/// itself to be idempotent for two copies racing in parallel (interview turns are: their state remembers the
/// message ids it took, and is saved with If-Match).
/// </remarks>
public interface IProcessedMessageLedger
{
    /// <summary>
    /// Records <paramref name="key"/> and returns true if it was not recorded before (the caller processes
    /// the message); returns false for a duplicate. Entries older than <paramref name="timeToLive"/> may be
    /// forgotten. Atomic across instances.
    /// </summary>
    Task<bool> TryRecordAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="key"/> is recorded and its time to live has not passed. Records nothing.</summary>
    Task<bool> ContainsAsync(string key, CancellationToken cancellationToken);
}
