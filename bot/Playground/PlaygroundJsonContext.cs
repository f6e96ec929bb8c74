using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// System.Text.Json metadata for the playground's page API and connector stand-in: camelCase like the Bot Framework wire
/// format, nulls omitted, case-insensitive reads, and a bounded depth so a hostile body cannot nest without end.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(PlaygroundFeed))]
[JsonSerializable(typeof(PlaygroundConversationParameters))]
[JsonSerializable(typeof(PlaygroundResourceResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class PlaygroundJsonContext : JsonSerializerContext;
