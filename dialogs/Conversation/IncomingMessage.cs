namespace ScreeningBot.Dialogs.Conversation;

/// <summary>
/// One message from the candidate, channel-neutral. Adapters in <c>bot/</c> build it from a Bot Framework
/// Activity, a Slack event or a button click; the dialogs never see the wire format.
/// </summary>
/// <param name="Text">What the candidate typed (untrusted); empty for a pure button click.</param>
/// <param name="MessageId">The channel's id for the message, used to process redeliveries once; null when the channel has none.</param>
/// <param name="ActionValue">The <see cref="Choice.Value"/> of a clicked button, if the message is a click.</param>
public sealed record IncomingMessage(string Text, string? MessageId = null, string? ActionValue = null)
{
    /// <summary>
    /// When the candidate sent the message, from the channel (Activity <c>timestamp</c>, Slack <c>ts</c>); null when the
    /// channel gives none, and the time it arrives is used. Untrusted: the dialog keeps it between the question being
    /// sent and the message arriving.
    /// </summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The text to interpret: the clicked value wins over typed text.</summary>
    public string EffectiveText => string.IsNullOrWhiteSpace(ActionValue) ? Text ?? string.Empty : ActionValue;
}
