using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>The page's JSON (camelCase, nulls left out), source-generated.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 8)]
[JsonSerializable(typeof(LinkPageState))]
[JsonSerializable(typeof(LinkMessageRequest))]
internal sealed partial class InterviewLinkJsonContext : JsonSerializerContext;
