using System.Text.Json.Nodes;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Body of <c>POST v3/conversations</c>: a proactive 1:1 chat, or a new thread in a Teams channel.</summary>
internal sealed class ConversationParameters
{
    public bool IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TopicName { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The first message (Teams channel threads: the root post).</summary>
    public Activity? Activity { get; init; }

    /// <summary>Teams: <c>{ tenant: { id } }</c> for 1:1 chats, <c>{ channel: { id } }</c> for a channel thread.</summary>
    public JsonObject? ChannelData { get; init; }
}
