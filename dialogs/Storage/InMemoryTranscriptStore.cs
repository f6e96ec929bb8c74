using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>Transcripts in process memory; same contract as the durable stores.</summary>
public sealed class InMemoryTranscriptStore : ITranscriptStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, TranscriptTurn>> _transcripts = new(StringComparer.Ordinal);

    public Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        ArgumentNullException.ThrowIfNull(turns);
        cancellationToken.ThrowIfCancellationRequested();
        if (turns.Any(t => t.InterviewId != interviewId))
        {
            throw new ArgumentException("Every turn must belong to the interview being appended to.", nameof(turns));
        }

        var transcript = _transcripts.GetOrAdd(interviewId, _ => new ConcurrentDictionary<long, TranscriptTurn>());
        foreach (var turn in turns)
        {
            transcript[turn.Sequence] = turn;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<TranscriptTurn> turns = _transcripts.TryGetValue(interviewId, out var transcript)
            ? transcript.Values.OrderBy(t => t.Sequence).ToArray()
            : [];
        return Task.FromResult(turns);
    }

    public Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_transcripts.TryRemove(interviewId, out var removed) ? removed.Count : 0);
    }
}
