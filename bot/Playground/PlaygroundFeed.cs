using System.Text.Json;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// The answer to <c>GET /playground/api/activities?after=N</c>: what the bot sent through the playground connector after
/// cursor N, oldest first, and the cursor to read from next.
/// </summary>
internal sealed record PlaygroundFeed(IReadOnlyList<PlaygroundFeedItem> Activities, long Next);

/// <summary>One activity the bot sent, with the conversation it went to (so the page can tell a 1:1 from the channel).</summary>
internal sealed record PlaygroundFeedItem(long Seq, PlaygroundConversationInfo Conversation, JsonElement Activity);

/// <summary>A playground conversation: its id, whether it is a group (null when the bot wrote to it before anyone created it), and its members' ids.</summary>
internal sealed record PlaygroundConversationInfo(string Id, bool? IsGroup, IReadOnlyList<string> Members);
