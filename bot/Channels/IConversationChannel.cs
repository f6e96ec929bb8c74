using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Channels;

/// <summary>
/// One way of talking to people: the Bot Framework connector (Teams, Web Chat, Azure Bot Service Slack), Slack's
/// Web API, or the local playground. Registered in DI; <see cref="ChannelRouter"/> picks the one that handles an address.
/// </summary>
internal interface IConversationChannel
{
    /// <summary>True when this channel can deliver to <paramref name="address"/>.</summary>
    bool Handles(ConversationAddress address);

    /// <summary>Sends replies proactively, in order (prompts with choices become buttons).</summary>
    Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);

    /// <summary>Posts a scorecard in the channel's own card format; returns the posted message id.</summary>
    Task<string?> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken);
}
