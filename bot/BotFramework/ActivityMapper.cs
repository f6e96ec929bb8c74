using System.Globalization;
using System.Text.Json;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Translates authenticated inbound activities into channel-neutral turns (bot/Turns) and the types of <c>dialogs/</c>.</summary>
internal static class ActivityMapper
{
    private const string ThreadMarker = ";messageid=";

    /// <summary>
    /// The turn an authenticated activity asks for, or null for activities the bot does not act on (reactions, installation
    /// updates, members other than the bot joining). A message in a 1:1 chat is an answer (or, from a recruiter without a
    /// screen, a command); in a channel or group it is a command; the bot being added to a conversation is a welcome.
    /// </summary>
    public static Turn? TurnOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From ?? new ChannelAccount();
        var turn = new Turn
        {
            Kind = TurnKind.Message,
            Conversation = AddressOf(activity),
            From = new Participant(from.Id ?? string.Empty, from.Name ?? string.Empty, from.AadObjectId),
            CommandPrefix = PrefixOf(activity),
            TeamId = TeamsChannelData.From(activity.ChannelData).TeamId,
            DeliveryId = activity.Id,
        };
        if (activity.Type == ActivityType.Message)
        {
            var mentions = TeamsText.OtherMentions(activity);
            var personal = activity.Conversation is { IsPersonal: true };
            return turn with
            {
                Kind = personal ? TurnKind.Message : TurnKind.Command,
                Message = MessageOf(activity),
                // Parsed from the plain text of Teams' HTML (TeamsText.CommandText); in a 1:1 chat it is used only when the message turns out to be a recruiter's command.
                Command = RecruiterCommandParser.Parse(TeamsText.CommandText(activity), mentions),
                Mentions = mentions,
                ClickedQuestionId = QuestionOf(activity.Value),
            };
        }

        var botId = activity.Recipient?.Id;
        if (activity.Type == ActivityType.ConversationUpdate && botId is not null
            && activity.MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)) == true)
        {
            // Only the bot itself joining is greeted: a welcome for every member of a large team would be noise.
            return turn with { Kind = TurnKind.BotAdded, IsPersonal = activity.Conversation is { IsPersonal: true } && turn.TeamId is null };
        }

        return null;
    }

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

    /// <summary>
    /// The candidate's message: typed text (the bot's own mention removed), for a card button the clicked value, and when the
    /// channel sent it (the activity's <c>timestamp</c>, set by the channel; a missing or malformed one is left out).
    /// </summary>
    public static IncomingMessage MessageOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new IncomingMessage(TeamsText.RemoveBotMention(activity), activity.Id, AnswerOf(activity.Value) ?? SlackButtonValueOf(activity.ChannelData))
        {
            // When the candidate sent it (the Teams service or the page sets it); the dialog keeps it within what is plausible.
            SentAt = DateTimeOffset.TryParse(activity.Timestamp ?? activity.LocalTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var sent) ? sent : null,
            TimeZone = TimeZoneOf(activity),
        };
    }

    /// <summary>The sender's time zone: the activity's <c>localTimezone</c>, else Teams' <c>clientInfo</c> entity's <c>timezone</c>.</summary>
    public static string? TimeZoneOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Properties?.TryGetValue("localTimezone", out var local) == true && local.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            return local.GetString();
        }

        var clientInfo = activity.Entities?.FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase));
        return clientInfo?.Properties?.TryGetValue("timezone", out var zone) == true && zone.ValueKind == System.Text.Json.JsonValueKind.String ? zone.GetString() : null;
    }

    /// <summary>
    /// The value of a clicked Block Kit button on Azure Bot Service's Slack channel, which forwards the Slack
    /// interaction payload as <c>channelData.payload</c> (docs/channels.md): <c>payload.actions[0].value</c>.
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
    public static string? AnswerOf(JsonElement? value) => CardData(value, AdaptiveCardRenderer.AnswerKey);

    /// <summary><c>data.questionId</c>: the question whose card the clicked button was on.</summary>
    public static string? QuestionOf(JsonElement? value) => CardData(value, AdaptiveCardRenderer.QuestionKey);

    /// <summary>
    /// A click on a scorecard's decision or "Send feedback" button (<c>Action.Execute</c>, data from <see cref="DecisionPanel"/>)
    /// as the command it stands for, with the clicked card (<c>replyToId</c>) to refresh in place; null when the invoke is no
    /// decision click.
    /// </summary>
    public static RecruiterCommand? DecisionOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var value = CardData(activity.Value, DecisionPanel.Verb);
        var interviewId = CardData(activity.Value, "interviewId");
        if (value is null || interviewId is not { Length: > 0 and <= 64 })
        {
            return null;
        }

        var note = CardData(activity.Value, DecisionPanel.NoteInputId)?.Trim();
        var target = new CommandTarget(null, interviewId);
        var card = activity.ReplyToId is { Length: > 0 } replyTo ? new Channels.ScorecardMessage(AddressOf(activity), replyTo) : null;
        if (value == DecisionPanel.NoteValue)
        {
            return note is { Length: > 0 } text
                ? new NoteCommand(target, text) { Card = card }
                : new InvalidCommand("Type the note in the field above the buttons, then press Add note.");
        }

        if (value == DecisionPanel.FeedbackValue)
        {
            // The decision the preview was about: a click after the decision changed sends nothing (DecisionService).
            return CardData(activity.Value, DecisionPanel.DecisionIdKey) is { Length: > 0 and <= 64 } decisionId
                ? new FeedbackCommand(target, Send: true) { DecisionId = decisionId, Card = card }
                : new InvalidCommand("That Send feedback button does not say which decision it is about; nothing was sent. Type the feedback command instead.");
        }

        return Dialogs.Decisions.HiringDecisionExtensions.FromVerb(value) is { } decision
            ? new DecideCommand(target, decision, note is { Length: > 0 } ? note : null) { Card = card }
            : null;
    }

    private static string? CardData(JsonElement? value, string key)
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

        return data.TryGetProperty(key, out var found) && found.ValueKind == JsonValueKind.String ? found.GetString() : null;
    }

    /// <summary>How commands are typed here, for usage messages: the bot's own @name in Teams.</summary>
    private static string PrefixOf(Activity activity) =>
        activity.Recipient?.Name is { Length: > 0 } name && activity.ChannelId == "msteams" ? "@" + name : Turn.MentionPrefix;
}
