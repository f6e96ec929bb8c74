using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>A user or bot on a channel (<c>from</c>, <c>recipient</c>, <c>membersAdded</c>). Teams users are <c>29:…</c> with an <c>aadObjectId</c>; the bot is <c>28:&lt;appId&gt;</c>.</summary>
internal sealed class ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    /// <summary>Receivers ignore it (docs/channels.md); kept for round trips.</summary>
    public string? Role { get; init; }

    /// <summary>Fields this bot does not model, kept so the account round-trips unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
