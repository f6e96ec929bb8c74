using System.Text.Json;
using System.Text.Json.Serialization;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Serialization;

/// <summary>
/// JSON for everything the dialogs persist (interviews with their position and record, transcript turns, scorecards):
/// camelCase, enums as strings, nulls omitted, source-generated. Stores use these options so every backend
/// writes the same shape; stored interviews are read through <see cref="InterviewSchema.Read"/>, which upgrades older shapes.
/// </summary>
public static class DialogsJson
{
    /// <summary>Largest JSON document the dialogs read back (a guard against corrupt or hostile rows).</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    public static JsonSerializerOptions Options => DialogsJsonContext.Default.Options;

    public static string Serialize<T>(T value) =>
        JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DialogsJsonContext.Default.GetTypeInfo(typeof(T))!);

    /// <summary>The same JSON as <see cref="Serialize{T}"/>, as UTF-8 bytes: half the size of the string, and what SQLite stores anyway.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DialogsJsonContext.Default.GetTypeInfo(typeof(T))!);

    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxDocumentBytes)
        {
            throw new JsonException($"The stored document is {json.Length} characters; the limit is {MaxDocumentBytes}.");
        }

        return JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DialogsJsonContext.Default.GetTypeInfo(typeof(T))!)
            ?? throw new JsonException($"The stored {typeof(T).Name} is null.");
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    MaxDepth = 32)]
[JsonSerializable(typeof(Interview))]
[JsonSerializable(typeof(PlanPosition))]
[JsonSerializable(typeof(InterviewRecord))]
[JsonSerializable(typeof(AnswerRecord))]
[JsonSerializable(typeof(TranscriptTurn))]
[JsonSerializable(typeof(Scorecard))]
[JsonSerializable(typeof(StoredReport))]
[JsonSerializable(typeof(ScoringJob))]
[JsonSerializable(typeof(DecisionEntry))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(PostedMessage))]
[JsonSerializable(typeof(SelfIdentification))]
[JsonSerializable(typeof(Compliance.CandidateExport))]
internal sealed partial class DialogsJsonContext : JsonSerializerContext;
