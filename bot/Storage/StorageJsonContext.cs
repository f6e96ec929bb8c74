using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Storage;

/// <summary>JSON of the storage adapters' own records (the poison-queue envelope); jobs themselves use DialogsJson.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, MaxDepth = 8)]
[JsonSerializable(typeof(PoisonedJob))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
