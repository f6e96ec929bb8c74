using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Channels;

/// <summary>A posted scorecard: the conversation it is in and the channel's id of the message (Teams activity id, Slack <c>ts</c>).</summary>
internal sealed record ScorecardMessage(ConversationAddress Conversation, string MessageId);
