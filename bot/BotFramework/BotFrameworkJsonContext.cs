using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// System.Text.Json metadata for the Bot Framework wire format: camelCase, nulls omitted, case-insensitive reads
/// (some channels send <c>ServiceUrl</c>), and a bounded depth so a hostile body cannot nest without end.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    MaxDepth = BotFrameworkJsonContext.MaxDepth,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConnectorErrorResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class BotFrameworkJsonContext : JsonSerializerContext
{
    /// <summary>Deepest nesting accepted in an inbound body; real activities (Adaptive Card submits included) stay far below.</summary>
    public const int MaxDepth = 32;
}
