using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Slack's three Request URLs, as the Slack channel's adapter between the wire and the turn host. Each request is verified on
/// its raw body first (<see cref="SlackInbound"/>), checked to come from a workspace and app this bot serves, translated into
/// a <see cref="Turn"/> and acknowledged within Slack's 3 seconds; the turn runs on the <see cref="TurnQueue"/> and answers
/// through <see cref="SlackTurnReplies"/>. A full queue is answered 503, so Slack delivers again later.
/// </summary>
internal sealed class SlackAdapter(
    SlackInbound inbound,
    TurnQueue queue,
    TurnHost host,
    SlackBotIdentity identity,
    SlackWebApiClient slack,
    SlackConversationChannel conversations,
    ILogger<SlackAdapter> logger)
{
    public const string CommandPrefix = "/screen";

    public const string WorkingText = "Working on it…";

    public const string BusyText = "I'm busy right now; please try again in a minute.";

    public const string WorkspaceUnknownText = "I couldn't check this workspace with Slack just now; please try again in a minute.";

    private const int MaxChallengeLength = 500;

    /// <summary>
    /// A slash command. Usage help needs no I/O and no right to recruit, so it is answered in the response; everything else
    /// is acknowledged with "working on it" and answered later through the command's <c>response_url</c>.
    /// </summary>
    public async Task<IResult> CommandsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await inbound.ReadAsync(request, cancellationToken);
        if (read.Problem is not null)
        {
            // Slack's SSL probe is the one unsigned request: answer 200 and look at nothing else in it.
            if (read.SignatureFailure == SignatureCheck.MissingHeaders && SlackInbound.ParseForm(read.Body).TryGetValue("ssl_check", out var ssl) && ssl == "1")
            {
                return TypedResults.Ok();
            }

            Log(request, read);
            return read.Problem;
        }

        var form = SlackInbound.ParseForm(read.Body);
        var userId = form.GetValueOrDefault("user_id").ToString();
        var channelId = form.GetValueOrDefault("channel_id").ToString();
        var responseUrl = form.GetValueOrDefault("response_url").ToString();
        if (userId.Length == 0 || channelId.Length == 0 || !Uri.TryCreate(responseUrl, UriKind.Absolute, out var responseUri))
        {
            return inbound.Malformed(request, "a slash command needs user_id, channel_id and an absolute response_url");
        }

        switch (await inbound.CheckWorkspaceAsync(request, form.GetValueOrDefault("team_id").ToString(), form.GetValueOrDefault("api_app_id").ToString(), cancellationToken))
        {
            case WorkspaceCheck.Foreign:
                return TypedResults.Ok();
            case WorkspaceCheck.Unknown:
                return Ephemeral(BlockKitRenderer.RenderText(WorkspaceUnknownText));
        }

        var text = form.GetValueOrDefault("text").ToString();
        var turn = new Turn
        {
            Kind = TurnKind.Command,
            Conversation = SlackConversationChannel.AddressOf(channelId),
            From = new Participant(userId, form.GetValueOrDefault("user_name").ToString()),
            Message = new IncomingMessage(text),
            Command = RecruiterCommandParser.Parse(text),
            CommandPrefix = CommandPrefix,
        };
        if (turn.Command is HelpCommand or InvalidCommand)
        {
            var answer = Replies(SlackReplyRoute.HttpResponse, turn);
            await host.RunAsync(turn, answer, cancellationToken);
            return Ephemeral(answer.Messages.Count > 0 ? answer.Messages[0] : BlockKitRenderer.RenderText(BusyText));
        }

        if (queue.TryEnqueue(turn, Replies(SlackReplyRoute.Requester, turn, responseUri)) is null)
        {
            SlackLog.QueueFull(logger, "/screen command");
            return Ephemeral(BlockKitRenderer.RenderText(BusyText));
        }

        SlackLog.CommandQueued(logger, turn.Command!.GetType().Name, channelId);
        return Ephemeral(BlockKitRenderer.RenderText(WorkingText));
    }

    /// <summary>An Events API delivery: the URL check, or a <c>message.im</c> from a candidate (everything else is acknowledged and ignored).</summary>
    public async Task<IResult> EventsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await inbound.ReadAsync(request, cancellationToken);
        if (read.Problem is not null)
        {
            Log(request, read);
            return read.Problem;
        }

        SlackEventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(read.Body, SlackJsonContext.Default.SlackEventEnvelope);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            return inbound.Malformed(request, "the body is not an Events API JSON envelope");
        }

        if (envelope.Type == "url_verification")
        {
            return envelope.Challenge is { Length: > 0 and <= MaxChallengeLength } challenge
                ? TypedResults.Text(new JsonObject { ["challenge"] = challenge }.ToJsonString(), "application/json")
                : inbound.Malformed(request, "url_verification without a usable challenge");
        }

        var ev = envelope.Event;
        var eventId = envelope.EventId ?? string.Empty;
        if (envelope.Type != "event_callback" || ev is null)
        {
            SlackLog.EventIgnored(logger, eventId, $"envelope type '{Short(envelope.Type)}'");
            return TypedResults.Ok();
        }

        switch (await inbound.CheckWorkspaceAsync(request, envelope.TeamId, envelope.ApiAppId, cancellationToken))
        {
            case WorkspaceCheck.Foreign:
                return TypedResults.Ok();
            case WorkspaceCheck.Unknown:
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (Ignore(ev) is { } reason)
        {
            SlackLog.EventIgnored(logger, eventId, reason);
            return TypedResults.Ok();
        }

        if (await identity.GetUserIdAsync(cancellationToken) is { } botUser && botUser == ev.User)
        {
            SlackLog.EventIgnored(logger, eventId, "posted by the bot itself");
            return TypedResults.Ok();
        }

        var turn = new Turn
        {
            Kind = TurnKind.Message,
            Conversation = SlackConversationChannel.AddressOf(ev.Channel!),
            From = new Participant(ev.User!, string.Empty),
            Message = new IncomingMessage(SlackMrkdwn.Unescape(ev.Text), ev.Ts ?? ev.ClientMsgId ?? eventId) { SentAt = SentAtOf(ev.Ts) },
            CommandPrefix = CommandPrefix,
            // Retries of a delivery keep its event id; without one, the message's own ts names it.
            DeliveryId = eventId.Length > 0 ? eventId : ev.Ts,
        };
        if (queue.TryEnqueue(turn, Replies(SlackReplyRoute.Conversation, turn)) is null)
        {
            SlackLog.QueueFull(logger, $"message event {eventId}");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    /// <summary>An interactivity payload: a click on one of a prompt's answer buttons (everything else is acknowledged and ignored).</summary>
    public async Task<IResult> InteractionsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await inbound.ReadAsync(request, cancellationToken);
        if (read.Problem is not null)
        {
            Log(request, read);
            return read.Problem;
        }

        SlackInteraction? interaction;
        try
        {
            var payload = SlackInbound.ParseForm(read.Body).GetValueOrDefault("payload").ToString();
            interaction = payload.Length == 0 ? null : JsonSerializer.Deserialize(payload, SlackJsonContext.Default.SlackInteraction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            return inbound.Malformed(request, "the form field 'payload' is missing or not JSON");
        }

        switch (await inbound.CheckWorkspaceAsync(request, interaction.Team?.Id ?? interaction.User?.TeamId, interaction.ApiAppId, cancellationToken))
        {
            case WorkspaceCheck.Foreign:
                return TypedResults.Ok();
            case WorkspaceCheck.Unknown:
                return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (interaction.Type == "block_actions" && interaction.Actions?.FirstOrDefault(a => DecisionPanel.InterviewIdOf(a.BlockId) is not null) is { } decision)
        {
            return Decide(interaction, decision);
        }

        if (interaction.Type == "block_actions" && interaction.Actions?.FirstOrDefault(a => a.BlockId == DecisionPanel.SlackFeedbackBlockId) is { } confirm)
        {
            return ConfirmFeedback(interaction, confirm);
        }

        var action = interaction.Actions?.FirstOrDefault(a => BlockKitRenderer.QuestionIdOf(a.BlockId) is not null);
        var channelId = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        var messageTs = interaction.Message?.Ts ?? interaction.Container?.MessageTs;
        if (interaction.Type != "block_actions" || action is null || channelId is not { Length: > 0 } || interaction.User?.Id is not { Length: > 0 } userId || messageTs is not { Length: > 0 })
        {
            SlackLog.EventIgnored(logger, null, $"interaction '{Short(interaction.Type)}' is not a click on an answer button");
            return TypedResults.Ok();
        }

        var turn = new Turn
        {
            Kind = TurnKind.Message,
            Conversation = SlackConversationChannel.AddressOf(channelId),
            From = new Participant(userId, interaction.User.Name ?? string.Empty),
            Message = new IncomingMessage(string.Empty, "click:" + messageTs, action.Value ?? string.Empty) { SentAt = SentAtOf(action.ActionTs) },
            ClickedQuestionId = BlockKitRenderer.QuestionIdOf(action.BlockId),
            CommandPrefix = CommandPrefix,
        };
        var chosen = action.Text?.Text is { Length: > 0 } title ? title : action.Value ?? string.Empty;
        var responseUrl = Uri.TryCreate(interaction.ResponseUrl, UriKind.Absolute, out var responseUri) ? responseUri : null;
        var replies = Replies(SlackReplyRoute.Conversation, turn, responseUrl, new SlackClick(messageTs, interaction.Message, chosen));
        if (queue.TryEnqueue(turn, replies) is null)
        {
            SlackLog.QueueFull(logger, "button click");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    /// <summary>
    /// A click on a scorecard's decision button: runs as the clicker's command (refused unless they may recruit); the answer
    /// goes to them alone through the payload's <c>response_url</c>, and the decision updates the message with <c>chat.update</c>.
    /// What was typed in the note field (<c>state.values</c>) is the note of Add note, or the reason of a decision, as on Teams;
    /// <see cref="Decisions.DecisionService"/> refuses it empty or too long.
    /// </summary>
    private IResult Decide(SlackInteraction interaction, SlackAction action)
    {
        var channelId = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        var messageTs = interaction.Message?.Ts ?? interaction.Container?.MessageTs;
        var interviewId = DecisionPanel.InterviewIdOf(action.BlockId)!;
        var isNote = action.Value == DecisionPanel.NoteValue;
        var chosen = Dialogs.Decisions.HiringDecisionExtensions.FromVerb(action.Value);
        if (channelId is not { Length: > 0 } || interaction.User?.Id is not { Length: > 0 } userId
            || (chosen is null && !isNote) || interviewId.Length > 64)
        {
            SlackLog.EventIgnored(logger, null, "a decision click without a channel, user or known decision");
            return TypedResults.Ok();
        }

        var conversation = SlackConversationChannel.AddressOf(channelId);
        var card = messageTs is { Length: > 0 } ts ? new Channels.ScorecardMessage(conversation, ts) : null;
        var target = new CommandTarget(null, interviewId);
        var typed = TypedNote(interaction.State, interviewId);
        var turn = new Turn
        {
            Kind = TurnKind.Command,
            Conversation = conversation,
            From = new Participant(userId, interaction.User.Name ?? interaction.User.Username ?? string.Empty),
            Command = isNote
                ? new NoteCommand(target, typed) { Card = card }
                : new DecideCommand(target, chosen!.Value, typed.Length > 0 ? typed : null) { Card = card },
            CommandPrefix = CommandPrefix,
        };
        return EnqueueCommandClick(interaction, turn, isNote ? "note click" : "decision click");
    }

    /// <summary>The text in the scorecard's note field when the button was clicked, trimmed; empty when there is none.</summary>
    internal static string TypedNote(SlackState? state, string interviewId) =>
        state?.Values?
            .Where(block => DecisionPanel.IsSlackNoteBlock(block.Key, interviewId))
            .Select(block => block.Value?.GetValueOrDefault(DecisionPanel.SlackNoteActionId)?.Value)
            .FirstOrDefault(value => value is not null)?.Trim() ?? string.Empty;

    /// <summary>
    /// A click on "Send feedback" under a decision's preview: runs as the clicker's <c>feedback … send</c> (refused unless they
    /// may recruit, or when the decision changed since the preview); the answer goes to them alone through <c>response_url</c>.
    /// </summary>
    private IResult ConfirmFeedback(SlackInteraction interaction, SlackAction action)
    {
        var channelId = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        if (channelId is not { Length: > 0 } || interaction.User?.Id is not { Length: > 0 } userId || Decisions.FeedbackConfirmation.Parse(action.Value) is not { } confirmation)
        {
            SlackLog.EventIgnored(logger, null, "a feedback click without a channel, user or interview and decision");
            return TypedResults.Ok();
        }

        var turn = new Turn
        {
            Kind = TurnKind.Command,
            Conversation = SlackConversationChannel.AddressOf(channelId),
            From = new Participant(userId, interaction.User.Name ?? interaction.User.Username ?? string.Empty),
            Command = new FeedbackCommand(new CommandTarget(null, confirmation.InterviewId), Send: true) { DecisionId = confirmation.DecisionId },
            CommandPrefix = CommandPrefix,
        };
        return EnqueueCommandClick(interaction, turn, "feedback click");
    }

    /// <summary>Queues a clicked command; its answer goes to the clicker alone through the payload's <c>response_url</c> when there is one.</summary>
    private IResult EnqueueCommandClick(SlackInteraction interaction, Turn turn, string what)
    {
        var responseUrl = Uri.TryCreate(interaction.ResponseUrl, UriKind.Absolute, out var responseUri) ? responseUri : null;
        var replies = Replies(responseUrl is null ? SlackReplyRoute.Conversation : SlackReplyRoute.Requester, turn, responseUrl);
        if (queue.TryEnqueue(turn, replies) is null)
        {
            SlackLog.QueueFull(logger, what);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
    }

    /// <summary>A Slack timestamp (<c>1712345678.000100</c>: Unix seconds, then a per-channel sequence) as the time it names; null when absent or malformed.</summary>
    internal static DateTimeOffset? SentAtOf(string? ts)
    {
        var dot = ts?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        var seconds = dot < 0 ? ts : ts![..dot];
        if (!long.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) || unix is <= 0 or > 253_402_300_799)
        {
            return null;
        }

        var fraction = dot < 0 ? 0 : double.TryParse("0" + ts![dot..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var f) ? f : 0;
        return DateTimeOffset.FromUnixTimeSeconds(unix).AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
    }

    /// <summary>Why a message event is not a candidate's answer, or null when it is one.</summary>
    internal static string? Ignore(SlackMessageEvent ev) => ev switch
    {
        { Type: not "message" } => $"event type '{Short(ev.Type)}'",
        { BotId.Length: > 0 } => "posted by a bot",
        { Subtype.Length: > 0 } => $"message subtype '{Short(ev.Subtype)}' (edits, deletions, joins and bot messages are not answers)",
        { ChannelType: not "im" } => $"channel type '{Short(ev.ChannelType)}' (the bot only interviews in DMs)",
        { User: null or "" } or { Channel: null or "" } => "no user or channel",
        _ => null,
    };

    private SlackTurnReplies Replies(SlackReplyRoute route, Turn turn, Uri? responseUrl = null, SlackClick? click = null) =>
        new(slack, conversations, logger, route, turn.Conversation.ConversationId, turn.From.Id) { ResponseUrl = responseUrl, Click = click };

    private static ContentHttpResult Ephemeral(SlackMessage message)
    {
        var body = message.ToJson();
        body["response_type"] = "ephemeral";
        return TypedResults.Text(body.ToJsonString(), "application/json");
    }

    private void Log(HttpRequest request, VerifiedBody read)
    {
        if (read.SignatureFailure != SignatureCheck.Valid)
        {
            inbound.Rejected(request, read.SignatureFailure);
        }
    }

    private static string Short(string? value) => value is null ? "none" : value.Length <= 40 ? value : value[..40];
}
