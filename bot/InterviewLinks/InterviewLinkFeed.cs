namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Wakes the pages waiting for news of a conversation (long polls, <c>GET /interview/{token}/messages?wait=…</c>) when one of
/// its turns finishes or the bot sends to it on its own (a recruiter cancelled). In-process only: a page served by another
/// instance learns the news when its wait runs out and it reads the stored interview again. Entries exist only while someone
/// waits, and at most <see cref="MaxWaiters"/> wait at once; beyond that a read answers at once. Thread-safe.
/// </summary>
internal sealed class InterviewLinkFeed(TimeProvider time)
{
    private readonly TimeProvider _time = time;

    public const int MaxWaiters = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _waiters;

    /// <summary>
    /// Starts listening for <see cref="Notify"/> on <paramref name="key"/>; null when too many already wait. Listen before the
    /// last read of the stored interview, so news that lands between that read and the wait is not missed.
    /// </summary>
    public Listener? Listen(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_gate)
        {
            if (_waiters >= MaxWaiters)
            {
                return null;
            }

            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Count++;
            _waiters++;
            return new Listener(this, key, entry);
        }
    }

    /// <summary>Waits until <see cref="Notify"/> for <paramref name="key"/>, <paramref name="timeout"/>, or cancellation, whichever comes first; never throws but for cancellation.</summary>
    public async Task WaitAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var listener = Listen(key);
        if (listener is not null)
        {
            await listener.WaitAsync(timeout, cancellationToken);
        }
    }

    private void Leave(string key, Entry entry)
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

    /// <summary>One page's wait on a conversation, from <see cref="Listen"/> until disposed.</summary>
    internal sealed class Listener(InterviewLinkFeed feed, string key, Entry entry) : IDisposable
    {
        private int _disposed;

        /// <summary>Waits for news since <see cref="Listen"/>, <paramref name="timeout"/>, or cancellation; never throws but for cancellation.</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            try
            {
                await entry.Changed.Task.WaitAsync(timeout, feed._time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing new within the wait: the caller reads again and answers.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Leave(key, entry);
            }
        }
    }

    internal sealed class Entry
    {
        public TaskCompletionSource Changed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; set; }
    }
}
