namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Remembers which inbound deliveries (Slack event ids, Bot Framework activity ids, slash-command
/// invocations) were already taken, so a redelivery is processed once across all bot instances.
/// </summary>
public interface IProcessedMessageLedger
{
    /// <summary>
    /// Records <paramref name="key"/> and returns true if it was not recorded before (the caller processes
    /// the message); returns false for a duplicate. Entries older than <paramref name="timeToLive"/> may be
    /// forgotten. Atomic across instances.
    /// </summary>
    Task<bool> TryRecordAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken);
}
