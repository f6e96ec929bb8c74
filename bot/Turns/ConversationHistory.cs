using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// What has been said in a conversation so far, for a channel that shows it again when the person comes back (the interview
/// link's page, on another device or another day): the conversation's interview and the transcript lines after a cursor.
/// The transcript store is joined with the lines of the last turn kept in the interview state, which are written out just
/// after the state is saved (dialogs/Screening/InterviewService.cs), so a line is never missing in between. Thread-safe.
/// </summary>
internal sealed class ConversationHistory(IInterviewStore interviews, ITranscriptStore transcripts)
{
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
        var stored = await interviews.FindByConversationAsync(conversationKey, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var interview = stored.Interview;
        var latest = interview.Record.TranscriptOutbox;
        if (interview.Record.NextTranscriptSequence <= after + 1)
        {
            return new ConversationSnapshot(interview, []);
        }

        // The last turn's lines are in the state: a reader that saw everything before them needs no other read.
        if (latest.Count > 0 && latest[0].Sequence <= after + 1)
        {
            return new ConversationSnapshot(interview, [.. latest.Where(t => t.Sequence > after)]);
        }

        var written = await transcripts.ReadAsync(interview.Id, cancellationToken);
        var lines = new SortedDictionary<long, TranscriptTurn>();
        foreach (var turn in written.Concat(latest).Where(t => t.Sequence > after))
        {
            lines[turn.Sequence] = turn;
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
