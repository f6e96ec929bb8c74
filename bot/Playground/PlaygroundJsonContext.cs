using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Playground;

/// <summary>System.Text.Json metadata for the playground page's API: camelCase like the Bot Framework wire format, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlaygroundFeed))]
internal sealed partial class PlaygroundJsonContext : JsonSerializerContext;
