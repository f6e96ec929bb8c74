using System.Collections.Concurrent;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// What has been said in a conversation so far, for a channel that shows it again when the person comes back (the interview
/// link's page, on another device or another day): the conversation's interview and the transcript lines after a cursor.
/// A poll reads one place: once a conversation's running interview is known, the interview and its lines after the cursor
/// come from one read of the store (<see cref="IInterviewHistoryReader"/>: one SQLite transaction, one query of the
/// interview's partition on Azure Tables); the conversation index is read only to find the interview first. The lines of the
/// last turn kept in the interview state (written out just after the state is saved, dialogs/Screening/InterviewService.cs)
/// are joined in, and the transcript store is read only when what was read leaves a gap. Thread-safe.
/// </summary>
internal sealed class ConversationHistory(IInterviewStore interviews, ITranscriptStore transcripts)
{
    /// <summary>Most conversations whose running interview is remembered; beyond that the memory starts again.</summary>
    public const int MaxRemembered = 10_000;

    // Conversation key → its running interview's id. A conversation gets another interview only after this one ended
    // (InterviewService refuses a second while one runs), so the id holds until the interview it names has ended.
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);

    /// <summary>
    /// The interview of <paramref name="conversationKey"/> and its transcript lines with a sequence above <paramref name="after"/>;
    /// no snapshot when it has none (never invited, or forgotten), and <see cref="HistoryRead.Unavailable"/> when storage is down.
    /// </summary>
    public async Task<HistoryRead> ReadAsync(string conversationKey, long after, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        try
        {
            return new HistoryRead(await ReadSnapshotAsync(conversationKey, after, cancellationToken), Unavailable: false);
        }
        catch (StorageUnavailableException)
        {
            return HistoryRead.StorageDown;
        }
    }

    private async Task<ConversationSnapshot?> ReadSnapshotAsync(string conversationKey, long after, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(conversationKey, out var id))
        {
            var read = interviews is IInterviewHistoryReader reader
                ? await reader.ReadHistoryAsync(id, after, cancellationToken)
                : await interviews.GetAsync(id, cancellationToken) is { } got ? new InterviewHistory(got, []) : null;
            if (read is { Stored.Interview: var known } && string.Equals(known.ConversationKey, conversationKey, StringComparison.Ordinal) && !known.Record.IsEnded)
            {
                return await SnapshotAsync(known, read.Lines, after, cancellationToken);
            }

            // Ended (a newer interview may follow it), forgotten, or moved: ask the conversation index again.
            _running.TryRemove(conversationKey, out _);
        }

        var stored = await interviews.FindByConversationAsync(conversationKey, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (!stored.Interview.Record.IsEnded)
        {
            if (_running.Count >= MaxRemembered)
            {
                _running.Clear();
            }

            _running[conversationKey] = stored.Interview.Id;
        }

        return await SnapshotAsync(stored.Interview, [], after, cancellationToken);
    }

    /// <summary>The lines above <paramref name="after"/>: those read with the interview and its outbox, and the transcript store's only if they leave a gap.</summary>
    private async Task<ConversationSnapshot> SnapshotAsync(Interview interview, IReadOnlyList<TranscriptTurn> read, long after, CancellationToken cancellationToken)
    {
        var next = interview.Record.NextTranscriptSequence;
        if (next <= after + 1)
        {
            return new ConversationSnapshot(interview, []);
        }

        var lines = new SortedDictionary<long, TranscriptTurn>();
        foreach (var turn in read.Concat(interview.Record.TranscriptOutbox).Where(t => t.Sequence > after))
        {
            lines[turn.Sequence] = turn;
        }

        var first = Math.Max(after + 1, 0);
        if (lines.Count != next - first || lines.Keys.First() != first)
        {
            // Lines kept elsewhere (an older table layout) or not read with the interview: the whole transcript, outbox first.
            foreach (var turn in (await transcripts.ReadAsync(interview.Id, cancellationToken)).Where(t => t.Sequence > after))
            {
                lines.TryAdd(turn.Sequence, turn);
            }
        }

        return new ConversationSnapshot(interview, [.. lines.Values]);
    }
}

/// <summary>A conversation's interview as stored, and the transcript lines a reader had not seen, in order.</summary>
internal sealed record ConversationSnapshot(Interview Interview, IReadOnlyList<TranscriptTurn> Lines);

/// <summary>The result of <see cref="ConversationHistory.ReadAsync"/>: a snapshot, none (no interview), or storage down.</summary>
internal sealed record HistoryRead(ConversationSnapshot? Snapshot, bool Unavailable)
{
    public static HistoryRead StorageDown { get; } = new(null, Unavailable: true);
}
