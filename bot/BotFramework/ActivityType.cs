using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// An Activity's <c>type</c>: an open set defined by the channel (unknown types are tolerated, docs/channels.md), compared
/// ordinally. Wraps the wire string so unknown values survive a round trip.
/// </summary>
[JsonConverter(typeof(ActivityTypeJsonConverter))]
internal readonly struct ActivityType : IEquatable<ActivityType>
{
    public ActivityType(string? value) => Value = value;

    public static ActivityType Message { get; } = new("message");

    public static ActivityType ConversationUpdate { get; } = new("conversationUpdate");

    public static ActivityType InstallationUpdate { get; } = new("installationUpdate");

    public static ActivityType Invoke { get; } = new("invoke");

    public static ActivityType Typing { get; } = new("typing");

    public static ActivityType Event { get; } = new("event");

    public static ActivityType EndOfConversation { get; } = new("endOfConversation");

    /// <summary>The wire value; null or empty when the activity had no <c>type</c>.</summary>
    public string? Value { get; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Value);

    public static bool operator ==(ActivityType left, ActivityType right) => left.Equals(right);

    public static bool operator !=(ActivityType left, ActivityType right) => !left.Equals(right);

    public bool Equals(ActivityType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ActivityType other && Equals(other);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Reads and writes <see cref="ActivityType"/> as its plain string.</summary>
internal sealed class ActivityTypeJsonConverter : JsonConverter<ActivityType>
{
    public override ActivityType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new ActivityType(reader.GetString()),
            JsonTokenType.Null => default,
            _ => throw new JsonException("The activity 'type' must be a string such as \"message\"."),
        };

    public override void Write(Utf8JsonWriter writer, ActivityType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}
