using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Channels;

/// <summary>A message the bot posted: the conversation it is in (a Teams channel thread's own conversation id) and the channel's message id.</summary>
internal sealed record ChannelMessage(ConversationAddress Conversation, string MessageId);
