using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// The interviews this process worked on last, by conversation key, each with the ETag it was stored at, so a turn need not
/// read its interview back from storage. Only a cache: every save is conditional on the ETag, so an entry another process
/// made stale costs a conflict and a fresh read, never a wrong write (see <see cref="InterviewService"/>). Holds at most
/// <see cref="Capacity"/> interviews; past that, the least recently used go.
/// </summary>
internal sealed class InterviewCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _clock;

    public int Capacity { get; } = capacity;

    public int Count => _entries.Count;

    public StoredInterview? Get(string conversationKey)
    {
        if (!_entries.TryGetValue(conversationKey, out var entry))
        {
            return null;
        }

        entry.LastUsed = Interlocked.Increment(ref _clock);
        return entry.Stored;
    }

    /// <summary>Keeps <paramref name="stored"/> for its conversation; an ended interview is dropped instead (no turn needs it again).</summary>
    public void Set(StoredInterview stored)
    {
        var key = stored.Interview.ConversationKey;
        if (Capacity == 0 || stored.Interview.Record.IsEnded)
        {
            _entries.TryRemove(key, out _);
            return;
        }

        _entries[key] = new Entry(stored) { LastUsed = Interlocked.Increment(ref _clock) };
        if (_entries.Count > Capacity)
        {
            Trim();
        }
    }

    public void Remove(string conversationKey) => _entries.TryRemove(conversationKey, out _);

    // Drops the least recently used tenth at once, so the sort is paid once per many additions.
    private void Trim()
    {
        var excess = _entries.Count - Capacity + Math.Max(1, Capacity / 10);
        foreach (var (key, entry) in _entries.OrderBy(e => e.Value.LastUsed).Take(excess).ToArray())
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    private sealed class Entry(StoredInterview stored)
    {
        public StoredInterview Stored { get; } = stored;

        public long LastUsed { get; set; }
    }
}
