using System.Text.Json.Nodes;

namespace ScreeningBot.Bot.Playground;

// What the connector stand-in reads and answers: the Bot Connector REST shapes, as far as the bot uses them. The activities
// themselves stay JSON, stored and served back as the bot sent them.

/// <summary>Body of <c>POST v3/conversations</c>: a 1:1 chat or a group, and an optional first activity.</summary>
internal sealed record PlaygroundConversationParameters(bool IsGroup, IReadOnlyList<PlaygroundMember>? Members, JsonObject? Activity);

/// <summary>A member of a conversation to create.</summary>
internal sealed record PlaygroundMember(string? Id);

/// <summary>What creating a conversation or sending an activity answers: the id, and the first activity's id.</summary>
internal sealed record PlaygroundResourceResponse(string Id, string? ActivityId = null);
