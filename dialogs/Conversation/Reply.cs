namespace ScreeningBot.Dialogs.Conversation;

/// <summary>
/// One message from the bot to the candidate, channel-neutral. Adapters render it: plain text, plus
/// buttons for <see cref="Choices"/> (Adaptive Card Action.Submit in Teams, Block Kit buttons in Slack).
/// Typed answers are always accepted as well, so a channel that cannot show buttons still works.
/// </summary>
public sealed record Reply
{
    public required string Text { get; init; }

    /// <summary>Buttons to offer; empty for free-text questions.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public ReplyKind Kind { get; init; } = ReplyKind.Message;

    /// <summary>Question id when the reply asks a question; lets adapters tag cards for analytics and updates.</summary>
    public string? QuestionId { get; init; }

    public static Reply Message(string text) => new() { Text = text };
}

/// <summary>A button: <see cref="Title"/> is shown, <see cref="Value"/> comes back as <see cref="IncomingMessage.ActionValue"/>.</summary>
public sealed record Choice(string Title, string Value);

public enum ReplyKind
{
    /// <summary>Informational text.</summary>
    Message,

    /// <summary>A question the candidate should answer.</summary>
    Prompt,

    /// <summary>A re-ask after an answer was not understood.</summary>
    Retry,

    /// <summary>The interview has ended; no more questions follow.</summary>
    Closing,
}
