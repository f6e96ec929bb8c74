namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>A question the bot asked and is waiting on. Persisted so <c>repeat</c> and validation work after a restart.</summary>
public sealed record PendingPrompt
{
    public required PromptSpec Prompt { get; init; }

    /// <summary>The step that receives the recognised answer.</summary>
    public required int ResumeAt { get; init; }

    /// <summary>When the prompt was sent, for answer timings.</summary>
    public required DateTimeOffset AskedAt { get; init; }

    /// <summary><see cref="Screening.InterviewRecord.PausedTotal"/> when the prompt was sent, so pauses are left out of answer timings.</summary>
    public TimeSpan PausedTotalAtAsk { get; init; }

    /// <summary>
    /// When the candidate sent the message this prompt followed (its <see cref="Conversation.IncomingMessage.SentAt"/>, the
    /// channel's clock); null when the prompt followed none or the channel gave no time. A message the channel stamped no
    /// later than that was written before this prompt existed, so it does not answer it.
    /// </summary>
    public DateTimeOffset? PrecedingMessageSentAt { get; init; }
}
