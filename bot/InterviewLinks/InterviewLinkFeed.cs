namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Wakes the pages waiting for news of a conversation (long polls, <c>GET /interview/{token}/messages?wait=…</c>) when one of
/// its turns finishes or the bot sends to it on its own (a recruiter cancelled). In-process only: a page served by another
/// instance learns the news when its wait runs out and it reads the stored interview again. Entries exist only while someone
/// waits, and at most <see cref="MaxWaiters"/> wait at once; beyond that a read answers at once. Thread-safe.
/// </summary>
internal sealed class InterviewLinkFeed(TimeProvider time)
{
    public const int MaxWaiters = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _waiters;

    /// <summary>Waits until <see cref="Notify"/> for <paramref name="key"/>, <paramref name="timeout"/>, or cancellation, whichever comes first; never throws but for cancellation.</summary>
    public async Task WaitAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Entry entry;
        lock (_gate)
        {
            if (_waiters >= MaxWaiters)
            {
                return;
            }

            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Count++;
            _waiters++;
        }

        try
        {
            await entry.Changed.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing new within the wait: the caller reads again and answers.
        }
        finally
        {
            lock (_gate)
            {
                _waiters--;
                if (--entry.Count == 0 && _entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(key);
                }
            }
        }
    }

    /// <summary>Wakes everyone waiting on <paramref name="key"/>.</summary>
    public void Notify(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Entry? entry;
        lock (_gate)
        {
            // Its waiters then leave a newer entry for the same key alone (they compare references).
            _entries.Remove(key, out entry);
        }

        entry?.Changed.TrySetResult();
    }

    private sealed class Entry
    {
        public TaskCompletionSource Changed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; set; }
    }
}
