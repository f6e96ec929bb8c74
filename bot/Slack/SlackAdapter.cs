using System.Text.Json;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Slack's three Request URLs. Each verifies the signature on the raw body first, answers within Slack's 3 seconds,
/// and leaves the real work to <see cref="SlackWorker"/>.
/// </summary>
internal static class SlackEndpoints
{
    /// <summary>How long an event id is remembered; Slack's last retry comes about 5 minutes after the first delivery.</summary>
    public static readonly TimeSpan EventIdTimeToLive = TimeSpan.FromHours(1);

    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public const string WorkingText = "Working on it…";

    public const string BusyText = "I'm busy right now; please try again in a minute.";

    private const int MaxChallengeLength = 500;

    /// <summary>Maps <c>/api/slack/commands</c>, <c>/api/slack/events</c> and <c>/api/slack/interactions</c>.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SlackInbound>() is null)
        {
            throw new InvalidOperationException("MapSlackEndpoints needs the Slack services: call services.AddSlack(configuration) (AddScreeningBot does) before mapping.");
        }

        var group = endpoints.MapGroup(string.Empty).DisableAntiforgery();
        group.MapPost(BotRoutes.SlackCommands, CommandsAsync);
        group.MapPost(BotRoutes.SlackEvents, EventsAsync);
        group.MapPost(BotRoutes.SlackInteractions, InteractionsAsync);
        return endpoints;
    }

    internal static async Task<IResult> CommandsAsync(HttpRequest request, SlackInbound inbound, SlackWorkQueue queue, RecruiterCommandService commands, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var read = await inbound.ReadAsync(request, cancellationToken);
        if (read.Problem is not null)
        {
            // Slack's SSL probe is the one unsigned request: answer 200 and look at nothing else in it.
            if (read.SignatureFailure == SignatureCheck.MissingHeaders && SlackInbound.ParseForm(read.Body).TryGetValue("ssl_check", out var ssl) && ssl == "1")
            {
                return TypedResults.Ok();
            }

            Log(inbound, request, read);
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

        var text = form.GetValueOrDefault("text").ToString();
        var userName = form.GetValueOrDefault("user_name").ToString();
        var command = RecruiterCommandParser.Parse(text);
        if (command is HelpCommand or InvalidCommand)
        {
            // Usage help needs no I/O and no authorisation: answer at once.
            var context = SlackRequestProcessor.Context(userId, userName, channelId, preAuthorized: false);
            var response = await commands.ExecuteAsync(command, context, NoCandidateChannel.Instance, cancellationToken);
            return Ephemeral(BlockKitRenderer.RenderText(response.Text));
        }

        if (!queue.TryEnqueue(new SlackCommandWork(text, userId, userName, channelId, responseUri)))
        {
            SlackLog.QueueFull(loggers.CreateLogger(typeof(SlackEndpoints)), "/screen command");
            return Ephemeral(BlockKitRenderer.RenderText(BusyText));
        }

        SlackLog.CommandQueued(loggers.CreateLogger(typeof(SlackEndpoints)), command.GetType().Name, channelId);
        return Ephemeral(BlockKitRenderer.RenderText(WorkingText));
    }

    internal static async Task<IResult> EventsAsync(HttpRequest request, SlackInbound inbound, SlackWorkQueue queue, IProcessedMessageLedger ledger, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var read = await inbound.ReadAsync(request, cancellationToken);
        if (read.Problem is not null)
        {
            Log(inbound, request, read);
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

        var logger = loggers.CreateLogger(typeof(SlackEndpoints));
        var ev = envelope.Event;
        var eventId = envelope.EventId ?? string.Empty;
        if (envelope.Type != "event_callback" || ev is null)
        {
            SlackLog.EventIgnored(logger, eventId, $"envelope type '{Short(envelope.Type)}'");
            return TypedResults.Ok();
        }

        if (Ignore(ev) is { } reason)
        {
            SlackLog.EventIgnored(logger, eventId, reason);
            return TypedResults.Ok();
        }

        if (!queue.HasRoom(ev.Channel!))
        {
            SlackLog.QueueFull(logger, "message event");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var dedupeKey = $"slack:event:{envelope.TeamId}:{(eventId.Length > 0 ? eventId : ev.Channel + ":" + ev.Ts)}";
        try
        {
            if (!await ledger.TryRecordAsync(dedupeKey, EventIdTimeToLive, cancellationToken))
            {
                SlackLog.DuplicateEvent(logger, eventId, request.Headers[RetryNumHeader].ToString());
                return TypedResults.Ok();
            }
        }
        catch (StorageUnavailableException e)
        {
            SlackLog.LedgerUnavailable(logger, eventId, e);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var work = new SlackMessageWork(eventId, ev.Channel!, ev.User!, SlackMrkdwn.Unescape(ev.Text), ev.Ts ?? ev.ClientMsgId ?? eventId);
        if (!queue.TryEnqueue(work))
        {
            // Filled up between the check and now; the delivery is recorded, so a retry would be dropped as a duplicate.
            SlackLog.QueueFull(logger, work.Description);
        }

        return TypedResults.Ok();
    }

    internal static async Task<IResult> InteractionsAsync(HttpRequest request, SlackInbound inbound, SlackWorkQueue queue, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var read = await inbound.ReadAsync(request, cancellationToken);
        if (read.Problem is not null)
        {
            Log(inbound, request, read);
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

        var logger = loggers.CreateLogger(typeof(SlackEndpoints));
        var action = interaction.Actions?.FirstOrDefault(a => BlockKitRenderer.QuestionIdOf(a.BlockId) is not null);
        var channelId = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        var messageTs = interaction.Message?.Ts ?? interaction.Container?.MessageTs;
        if (interaction.Type != "block_actions" || action is null || channelId is not { Length: > 0 } || interaction.User?.Id is not { Length: > 0 } userId || messageTs is not { Length: > 0 })
        {
            SlackLog.EventIgnored(logger, null, $"interaction '{Short(interaction.Type)}' is not a click on an answer button");
            return TypedResults.Ok();
        }

        var work = new SlackButtonWork(interaction, action, channelId, userId, messageTs);
        if (!queue.TryEnqueue(work))
        {
            SlackLog.QueueFull(logger, work.Description);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok();
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

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Ephemeral(SlackMessage message)
    {
        var body = message.ToJson();
        body["response_type"] = "ephemeral";
        return TypedResults.Text(body.ToJsonString(), "application/json");
    }

    private static void Log(SlackInbound inbound, HttpRequest request, VerifiedBody read)
    {
        if (read.SignatureFailure != SignatureCheck.Valid)
        {
            inbound.Rejected(request, read.SignatureFailure);
        }
    }

    private static string Short(string? value) => value is null ? "none" : value.Length <= 40 ? value : value[..40];

    /// <summary>For help and usage answers, which never reach a candidate.</summary>
    private sealed class NoCandidateChannel : ICandidateChannel
    {
        public static readonly NoCandidateChannel Instance = new();

        public Task<CandidateConversation> OpenConversationAsync(Mention candidate, CommandContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Help and usage answers do not contact candidates.");

        public Task SendAsync(Dialogs.Screening.ConversationAddress address, IReadOnlyList<Dialogs.Conversation.Reply> replies, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Help and usage answers do not contact candidates.");
    }
}
