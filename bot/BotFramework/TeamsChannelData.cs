using System.Text.Json;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// The parts of Teams' <c>channelData</c> the screener uses, read defensively from the raw JSON: other channels
/// (Slack through Azure Bot Service) put something else there, and a shape we do not expect reads as "absent".
/// </summary>
internal sealed record TeamsChannelData(string? TenantId, string? TeamId, string? TeamName, string? ChannelId, string? EventType)
{
    public static TeamsChannelData Empty { get; } = new(null, null, null, null, null);

    public static TeamsChannelData From(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return Empty;
        }

        return new TeamsChannelData(
            Read(data, "tenant", "id"),
            Read(data, "team", "id"),
            Read(data, "team", "name"),
            Read(data, "channel", "id"),
            Read(data, "eventType", null));
    }

    private static string? Read(JsonElement data, string property, string? child)
    {
        if (!TryGet(data, property, out var value))
        {
            return null;
        }

        if (child is null)
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }

        return value.ValueKind == JsonValueKind.Object && TryGet(value, child, out var inner) && inner.ValueKind == JsonValueKind.String
            ? inner.GetString()
            : null;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
