using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Decisions;

/// <summary>The export's JSON: camelCase, nulls kept (every object has every field), indented for people reading it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<ExportRow>))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
