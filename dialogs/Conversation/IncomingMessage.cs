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
    /// <summary>The text to interpret: the clicked value wins over typed text.</summary>
    public string EffectiveText => string.IsNullOrWhiteSpace(ActionValue) ? Text ?? string.Empty : ActionValue;

    /// <summary>
    /// When the candidate sent it, by the channel's clock (a Bot Framework activity's <c>timestamp</c>, a Slack message's
    /// <c>ts</c>); null when the channel gives none. Untrusted: the dialog uses it only within a few minutes of
    /// <see cref="ReceivedAt"/>, to tell which question the candidate had in view when they wrote it, and keeps it between
    /// the question being sent and the message arriving for the answer's timing (integrity).
    /// </summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The sender's time zone as the channel reported it (Teams <c>localTimezone</c>); untrusted, see <see cref="Screening.CandidateTimeZones"/>.</summary>
    public string? TimeZone { get; init; }

    /// <summary>When the bot received it, by the bot's clock (the turn queue stamps it on arrival); null outside the turn host.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
