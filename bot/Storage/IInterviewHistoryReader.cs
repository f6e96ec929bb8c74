namespace ScreeningBot.Bot.Storage;

/// <summary>
/// What a page that shows a conversation again polls (bot/Turns/ConversationHistory.cs): an interview and the transcript
/// lines written after a cursor, in one read of one place: one SQLite transaction, one query of the interview's partition
/// on Azure Tables. Implemented by the interview stores that keep the lines beside the interview; the store's decorators
/// forward it.
/// </summary>
internal interface IInterviewHistoryReader
{
    /// <summary>
    /// The interview <paramref name="interviewId"/> and the transcript lines stored beside it with a sequence above
    /// <paramref name="after"/>, in order (lines still in its outbox are in the interview); null when no interview has that id.
    /// Lines kept elsewhere by an older layout are not read: the caller sees the gap and reads the transcript store.
    /// </summary>
    Task<InterviewHistory?> ReadHistoryAsync(string interviewId, long after, CancellationToken cancellationToken);
}
