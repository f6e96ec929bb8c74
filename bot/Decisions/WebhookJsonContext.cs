using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// The webhook body, and the dead-letter listing of <c>webhook dead-letters --json</c>: camelCase like the JSON export,
/// compact, nulls kept so every object has every field.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebhookEvent))]
[JsonSerializable(typeof(List<WebhookDeadLetterRow>))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
