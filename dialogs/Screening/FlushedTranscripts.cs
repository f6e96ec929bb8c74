using System.Collections.Concurrent;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Remembers, per interview, the highest transcript sequence this process has written and seen succeed, so the next
/// turn does not write the same lines again. Only a performance memo: a line it does not know about is written again
/// (writes are idempotent), so a restart, another instance or an evicted entry costs a write, never a line.
/// Bounded: past <see cref="Capacity"/> interviews it starts afresh.
/// </summary>
internal sealed class FlushedTranscripts
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, long> _flushedThrough = new(StringComparer.Ordinal);

    public void Confirm(string interviewId, long sequence)
    {
        if (_flushedThrough.Count >= Capacity)
        {
            _flushedThrough.Clear();
        }

        _flushedThrough.AddOrUpdate(interviewId, sequence, (_, known) => Math.Max(known, sequence));
    }

    /// <summary>The turns not known to be stored yet.</summary>
    public IReadOnlyList<TranscriptTurn> Unconfirmed(string interviewId, IReadOnlyList<TranscriptTurn> turns)
    {
        if (turns.Count == 0 || !_flushedThrough.TryGetValue(interviewId, out var through))
        {
            return turns;
        }

        return turns[^1].Sequence <= through ? [] : [.. turns.Where(t => t.Sequence > through)];
    }
}
