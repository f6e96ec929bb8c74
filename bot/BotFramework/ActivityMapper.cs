using System.Text.Json;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Translates authenticated inbound activities into the channel-neutral types of <c>dialogs/</c>.</summary>
internal static class ActivityMapper
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>
    /// Where the activity's conversation can be reached later. A Teams channel thread (<c>19:…;messageid=123</c>) becomes the
    /// channel (<see cref="ConversationAddress.ConversationId"/>) plus the thread's root (<see cref="ConversationAddress.ThreadId"/>).
    /// Only call this for activities that passed authentication: the serviceUrl is trusted from here on.
    /// </summary>
    public static ConversationAddress AddressOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        string? threadId = null;
        var marker = conversationId.IndexOf(ThreadMarker, StringComparison.OrdinalIgnoreCase);
        if (marker > 0)
        {
            threadId = conversationId[(marker + ThreadMarker.Length)..];
            conversationId = conversationId[..marker];
        }

        return new ConversationAddress
        {
            ChannelId = activity.ChannelId ?? "unknown",
            ConversationId = conversationId,
            ThreadId = threadId,
            ServiceUrl = activity.ServiceUrl,
            TenantId = TenantOf(activity),
            BotId = activity.Recipient?.Id,
            ViaBotFramework = true,
        };
    }

    /// <summary>The conversation id to post into for <paramref name="address"/>: the thread when there is one.</summary>
    public static string ConversationIdOf(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ThreadId is { Length: > 0 } thread && address.ChannelId == "msteams"
            ? address.ConversationId + ThreadMarker + thread
            : address.ConversationId;
    }

    /// <summary>The ordering and lookup key of the activity's conversation (the raw id, thread included).</summary>
    public static string ConversationKeyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId}:{activity.Conversation?.Id}";
    }

    public static string? TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.TenantId ?? TeamsChannelData.From(activity.ChannelData).TenantId;
    }

    /// <summary>The candidate's message: typed text (the bot's own mention removed) and, for a card button, the clicked value.</summary>
    public static IncomingMessage MessageOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new IncomingMessage(TeamsText.RemoveBotMention(activity), activity.Id, AnswerOf(activity.Value) ?? SlackButtonValueOf(activity.ChannelData))
        {
            // When the candidate sent it (the Teams service or the page sets it); the dialog keeps it within what is plausible.
            SentAt = DateTimeOffset.TryParse(activity.Timestamp ?? activity.LocalTimestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var sent) ? sent : null,
        };
    }

    /// <summary>
    /// The value of a clicked Block Kit button on Azure Bot Service's Slack channel, which forwards the Slack
    /// interaction payload as <c>channelData.payload</c> (slack.md part B): <c>payload.actions[0].value</c>.
    /// </summary>
    public static string? SlackButtonValueOf(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty("payload", out var payload))
        {
            return null;
        }

        if (payload.ValueKind == JsonValueKind.String)
        {
            // Some deliveries carry the payload as the JSON string Slack posted (form field "payload").
            try
            {
                using var parsed = JsonDocument.Parse(payload.GetString() ?? string.Empty, new JsonDocumentOptions { MaxDepth = 32 });
                return FirstActionValue(parsed.RootElement);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return FirstActionValue(payload);
    }

    private static string? FirstActionValue(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
        && payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0
        && actions[0].ValueKind == JsonValueKind.Object && actions[0].TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary><c>data.screeningAnswer</c> of an Action.Submit (message <c>value</c>) or Action.Execute (invoke <c>value.action.data</c>).</summary>
    public static string? AnswerOf(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        if (data.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var executeData) && executeData.ValueKind == JsonValueKind.Object)
        {
            data = executeData;
        }

        return data.TryGetProperty(ReplyActivities.AnswerKey, out var answer) && answer.ValueKind == JsonValueKind.String
            ? answer.GetString()
            : null;
    }
}
