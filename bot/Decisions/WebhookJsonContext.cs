using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Decisions;

/// <summary>The webhook body: camelCase like the JSON export, compact, nulls kept so every event has every field.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebhookEvent))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
