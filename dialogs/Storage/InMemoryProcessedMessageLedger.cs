using System.Collections.Concurrent;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>A processed-message ledger in process memory; entries expire after their time to live.</summary>
public sealed class InMemoryProcessedMessageLedger(TimeProvider time) : IProcessedMessageLedger
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);

    public Task<bool> TryRecordAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var expiresAt = now + timeToLive;
        while (true)
        {
            if (_entries.TryAdd(key, expiresAt))
            {
                return Task.FromResult(true);
            }

            if (_entries.TryGetValue(key, out var existing) && existing > now)
            {
                return Task.FromResult(false);
            }

            // Expired entry: replace it atomically; if someone else did first, loop and see theirs.
            if (_entries.TryUpdate(key, expiresAt, existing))
            {
                return Task.FromResult(true);
            }
        }
    }

    public Task<bool> ContainsAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryGetValue(key, out var expiresAt) && expiresAt > time.GetUtcNow());
    }
}
