using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Serialization;

/// <summary>
/// Reads a stored interview of any shape this code has written and upgrades it to <see cref="Interview.CurrentSchemaVersion"/>.
/// Version 1 kept the engine's position and the interview's record mixed in one <c>state</c> object (with the plan version
/// named <c>dialogVersion</c> and the outbox <c>unflushedTranscript</c>); version 2 splits it into <c>position</c> and
/// <c>record</c>. Interviews stored before the split load and continue where they were.
/// </summary>
public static class InterviewSchema
{
    // What every document of the current version starts with (Interview.SchemaVersion is written first): read straight.
    private static readonly string CurrentPrefix = "{\"schemaVersion\":" + Interview.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture) + ",";

    // Version 1's state fields, by where they went; a pair renames the field on the way.
    private static readonly (string From, string To)[] PositionFields =
    [
        ("dialogVersion", "planVersion"), ("phase", "phase"), ("itemIndex", "itemIndex"), ("stepIndex", "stepIndex"),
        ("attemptCount", "attemptCount"), ("pending", "pending"), ("confirmation", "confirmation"), ("followUpsAsked", "followUpsAsked"),
        ("workingAnswer", "workingAnswer"), ("workingAnswerTime", "workingAnswerTime"), ("workingInputTokens", "workingInputTokens"),
        ("workingOutputTokens", "workingOutputTokens"), ("probedFocus", "probedFocus"), ("workingFlags", "workingFlags"),
        ("workingFingerprints", "workingFingerprints"),
    ];

    private static readonly (string From, string To)[] RecordFields =
    [
        ("language", "language"), ("status", "status"), ("answers", "answers"), ("knockouts", "knockouts"), ("recentMessageIds", "recentMessageIds"),
        ("unflushedTranscript", "transcriptOutbox"), ("nextTranscriptSequence", "nextTranscriptSequence"), ("startedAt", "startedAt"),
        ("lastActivityAt", "lastActivityAt"), ("expiresAt", "expiresAt"), ("pausedAt", "pausedAt"), ("endedAt", "endedAt"),
        ("pausedTotal", "pausedTotal"),
    ];

    /// <summary>The interview in <paramref name="json"/>, upgraded to the current shape.</summary>
    /// <exception cref="JsonException">Not an interview of a known version (corrupt, or written by a newer bot).</exception>
    public static Interview Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.StartsWith(CurrentPrefix, StringComparison.Ordinal))
        {
            return DialogsJson.Deserialize<Interview>(json);
        }

        if (json.Length > DialogsJson.MaxDocumentBytes)
        {
            throw new JsonException($"The stored interview is {json.Length} characters; the limit is {DialogsJson.MaxDocumentBytes}.");
        }

        if (JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) is not JsonObject root)
        {
            throw new JsonException("The stored interview is not a JSON object.");
        }

        var version = VersionOf(root);
        if (version > Interview.CurrentSchemaVersion)
        {
            throw new JsonException(
                $"The stored interview has schema version {version}, newer than this bot understands ({Interview.CurrentSchemaVersion}). Run a newer bot.");
        }

        if (version == 1)
        {
            root = FromVersion1(root);
        }

        return root.Deserialize(DialogsJsonContext.Default.Interview) ?? throw new JsonException("The stored interview is null.");
    }

    /// <summary>The schema version of a stored interview: its <c>schemaVersion</c>, or 1 for the shape that had none at the top.</summary>
    private static int VersionOf(JsonObject root) =>
        root["schemaVersion"] is JsonValue value && value.TryGetValue<int>(out var version) ? version
        : root["state"] is JsonObject ? 1
        : throw new JsonException("The stored interview has neither a schemaVersion nor a state; it is not an interview this bot wrote.");

    private static JsonObject FromVersion1(JsonObject root)
    {
        if (root["state"] is not JsonObject state)
        {
            throw new JsonException("The stored interview (schema version 1) has no state object.");
        }

        root.Remove("state");

        // Computed values version 1 wrote beside the data; nothing reads them.
        root.Remove("status");
        root.Remove("conversationKey");
        var upgraded = new JsonObject { ["schemaVersion"] = Interview.CurrentSchemaVersion };
        foreach (var (name, value) in root.ToArray())
        {
            root.Remove(name);
            upgraded[name] = value;
        }

        upgraded["position"] = Move(state, PositionFields);
        upgraded["record"] = Move(state, RecordFields);
        return upgraded;
    }

    private static JsonObject Move(JsonObject from, (string From, string To)[] fields)
    {
        var to = new JsonObject();
        foreach (var (source, target) in fields)
        {
            if (from.Remove(source, out var value))
            {
                to[target] = value;
            }
        }

        return to;
    }
}
