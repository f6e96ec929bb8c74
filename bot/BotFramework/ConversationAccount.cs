using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>The conversation of an activity. Teams: <c>conversationType</c> <c>personal</c>, <c>groupChat</c> or <c>channel</c>; channel threads are <c>&lt;channelId&gt;;messageid=&lt;rootId&gt;</c>.</summary>
internal sealed class ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>True for a Teams channel conversation (or a thread in one).</summary>
    [JsonIgnore]
    public bool IsChannel => string.Equals(ConversationType, "channel", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a 1:1 chat: Teams <c>personal</c>, or any conversation that is not a group.</summary>
    [JsonIgnore]
    public bool IsPersonal => ConversationType is { } type
        ? string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase)
        : IsGroup != true;
}
