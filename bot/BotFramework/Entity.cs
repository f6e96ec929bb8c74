using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Metadata on an activity (<c>mention</c>, <c>clientInfo</c>, anything else). Everything but <c>type</c> stays raw,
/// so entity types this bot does not know round-trip unchanged and a strange shape never fails a request.
/// </summary>
internal sealed class Entity
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    [JsonIgnore]
    public bool IsMention => string.Equals(Type, "mention", StringComparison.OrdinalIgnoreCase);

    /// <summary>The mention's <c>text</c> (<c>&lt;at&gt;Jane Doe&lt;/at&gt;</c>), when it is a string.</summary>
    /// <remarks>Methods, not properties: an ignored property named like a wire field would make the serializer drop that field.</remarks>
    public string? GetText() => Properties is not null && Properties.TryGetValue("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    /// <summary>The mentioned account, when <c>mentioned</c> is an object.</summary>
    public ChannelAccount? GetMentioned()
    {
        if (Properties is null || !Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new ChannelAccount
        {
            Id = StringOf(mentioned, "id"),
            Name = StringOf(mentioned, "name"),
            AadObjectId = StringOf(mentioned, "aadObjectId"),
        };
    }

    private static string? StringOf(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
