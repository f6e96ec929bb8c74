using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// A message the bot posted about a candidate outside their own chat (a scorecard and its continuations, a "not screened"
/// notice), recorded when it is posted so that erasing the candidate also removes it from the channel.
/// </summary>
public sealed record PostedMessage
{
    /// <summary>The candidate's channel user id, the key erasure looks messages up by.</summary>
    public required string CandidateId { get; init; }

    public required string InterviewId { get; init; }

    public required PostedMessageKind Kind { get; init; }

    /// <summary>The conversation the message is in (for a Teams channel thread, the thread's conversation id).</summary>
    public required ConversationAddress Conversation { get; init; }

    /// <summary>The channel's id of the message: a Bot Framework activity id, a Slack <c>ts</c>.</summary>
    public required string MessageId { get; init; }

    /// <summary>0 for the first message of a post, 1… for continuations in its thread (removed before the first).</summary>
    public int Part { get; init; }

    public required DateTimeOffset PostedAt { get; init; }

    /// <summary>The record's key within the candidate's messages.</summary>
    public string Key => $"{InterviewId}\n{Conversation.Key}\n{MessageId}";
}

public enum PostedMessageKind
{
    Scorecard,

    /// <summary>A "not screened" notice (declined consent, asked for a person).</summary>
    Notice,
}
