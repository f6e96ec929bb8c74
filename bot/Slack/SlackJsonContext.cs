using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Slack;

/// <summary>Source-generated JSON for Slack's wire format (snake_case).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 64)]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(SlackResponse))]
[JsonSerializable(typeof(SlackPostMessageResponse))]
[JsonSerializable(typeof(SlackPostEphemeralResponse))]
[JsonSerializable(typeof(SlackConversationsOpenResponse))]
[JsonSerializable(typeof(SlackUsersInfoResponse))]
[JsonSerializable(typeof(SlackAuthTestResponse))]
[JsonSerializable(typeof(SlackUserGroupUsersResponse))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
