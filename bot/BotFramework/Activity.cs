using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// A Bot Framework Activity (docs/channels.md), narrowed to the fields the screener reads or writes. Anything else the
/// channel sends is kept in <see cref="Properties"/> (and <c>channelData</c>/<c>value</c> stay raw JSON), so an
/// activity round-trips without losing data. Inbound instances are untrusted until the endpoint has authenticated them.
/// </summary>
internal sealed record Activity
{
    public const string ExpectRepliesDeliveryMode = "expectReplies";

    public ActivityType Type { get; init; }

    public string? Id { get; init; }

    public string? Timestamp { get; init; }

    public string? LocalTimestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? Text { get; init; }

    public string? Summary { get; init; }

    public string? Locale { get; init; }

    public string? InputHint { get; init; }

    public string? AttachmentLayout { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    /// <summary>Channel-specific data (Teams: tenant, team, channel, eventType); raw, read through <see cref="TeamsChannelData"/>.</summary>
    public JsonElement? ChannelData { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>Programmatic payload: Action.Submit data on messages, parameters on invokes.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>Names the operation of <c>invoke</c> and <c>event</c> activities.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary><c>installationUpdate</c>: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; init; }

    public string? DeliveryMode { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>True when the sender wants the replies in the HTTP response (<c>expectReplies</c>, docs/channels.md).</summary>
    [JsonIgnore]
    public bool ExpectsReplies => string.Equals(DeliveryMode, ExpectRepliesDeliveryMode, StringComparison.OrdinalIgnoreCase);
}
