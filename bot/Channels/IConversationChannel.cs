using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Channels;

/// <summary>
/// One way of reaching people on the bot's own initiative: the Bot Connector (Teams, Web Chat, Slack through Azure Bot
/// Service, the local playground's stand-in) or Slack's Web API. Registered in DI; <see cref="ChannelRouter"/> picks the one
/// that handles an address. Replies to a turn in progress go through that turn's <c>ITurnReplies</c> instead (bot/Turns).
/// Delivery failures a recruiter should hear about are thrown as <see cref="ChannelDeliveryException"/>.
/// </summary>
internal interface IConversationChannel
{
    /// <summary>True when this channel can deliver to <paramref name="address"/>.</summary>
    bool Handles(ConversationAddress address);

    /// <summary>
    /// Opens (or finds) the 1:1 conversation with <paramref name="candidate"/>, on behalf of <paramref name="recruiter"/> who
    /// asked from <paramref name="source"/>; returns its address and who the candidate is there, or why it could not.
    /// </summary>
    Task<CandidateConversation> OpenConversationAsync(Participant candidate, ConversationAddress source, Participant recruiter, CancellationToken cancellationToken);

    /// <summary>Sends replies, in order (prompts with choices become buttons).</summary>
    Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);

    /// <summary>Posts a scorecard in the channel's own card format, with its decision buttons; returns the posted messages, the first one first (continuations after it).</summary>
    Task<IReadOnlyList<ChannelMessage>> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the posted scorecard <paramref name="messageId"/> in place, for everyone, with the same scorecard showing
    /// <paramref name="decisions"/> (Teams: <c>PUT</c> to the activity; Slack: <c>chat.update</c>) and, on Adaptive Cards,
    /// <paramref name="feedback"/> with its "Send feedback" button (Slack shows that preview to the deciding recruiter alone).
    /// </summary>
    Task UpdateScorecardAsync(ConversationAddress address, string messageId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, Decisions.FeedbackOnCard? feedback, CancellationToken cancellationToken);

    /// <summary>Posts a "not screened" notice (no score) in the channel's own card format; returns the posted messages.</summary>
    Task<IReadOnlyList<ChannelMessage>> PostNoticeAsync(ConversationAddress address, ScreeningNotice notice, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a message this channel posted, or where the channel will not delete it, overwrites it with
    /// <see cref="ChannelRemovalText.Tombstone"/>. Never throws for a channel's refusal: it is reported as
    /// <see cref="ChannelRemovalOutcome.Failed"/> with the reason.
    /// </summary>
    Task<ChannelRemoval> RemoveMessageAsync(ChannelMessage message, CancellationToken cancellationToken);
}
