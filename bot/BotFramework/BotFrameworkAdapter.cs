using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework channel's adapter between the wire and the turn host, in the order that keeps
/// bad input from doing anything. The bearer token is checked by the JwtBearer handler before the body is read
/// (<see cref="BotFrameworkAuthentication"/>); then the body is read within <see cref="BotFrameworkOptions.MaxBodyBytes"/>,
/// parsed and checked, held against the token (serviceUrl, endorsements), translated into a <see cref="Turn"/> and queued on
/// the <see cref="TurnQueue"/>. Normal delivery answers 200 once the turn is done or <see cref="BotFrameworkOptions.InlineTurnBudget"/>
/// has passed, whichever comes first (replies go through the connector); <c>expectReplies</c> waits for the turn and returns
/// its replies; invokes get their invoke response at once.
/// </summary>
/// <remarks>
/// A turn that found storage down (<see cref="TurnResult.NotProcessed"/>: nothing saved, nobody told) is answered 503 with
/// Retry-After when the request still waits, so the channel retries; one that apologised through the connector gets 200,
/// because a 5xx on top would make the channel redeliver as well and the resent message would answer the next question.
/// </remarks>
internal sealed class BotFrameworkAdapter(
    TrustedServiceUrls trusted,
    TurnQueue queue,
    ConnectorClient connector,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<BotFrameworkAdapter> logger)
{
    /// <summary>Seconds the channel is asked to wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    public const string AnswerReceived = "Got it.";

    public const string CardNotUnderstood = "I couldn't read that button; please type your answer instead.";

    /// <summary>The channel id of interview-link conversations (bot/InterviewLinks/InterviewLinkChannel.cs); refused here.</summary>
    private const string InterviewLinkChannelId = "link";

    private const string AdaptiveCardAction = "adaptiveCard/action";

    public async Task<IResult> ProcessAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        if (!settings.AuthenticationEnabled && UnauthenticatedRequestProblem(context) is { } local)
        {
            return Reject(context, local.StatusCode, local.Reason);
        }

        var body = await BoundedBody.ReadAsync(context.Request.Body, context.Request.ContentLength, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Reject(context, 413, $"the body is larger than {settings.MaxBodyBytes} bytes (BotFramework:MaxBodyBytes)");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body, BotFrameworkJsonContext.Default.Activity);
        }
        catch (JsonException e)
        {
            return Reject(context, 400, $"the body is not a valid activity: {Shorten(e.Message)}");
        }

        if (Invalid(activity) is { } problem)
        {
            return Reject(context, 400, problem);
        }

        if (settings.AuthenticationEnabled)
        {
            if (BotFrameworkAuthentication.CheckActivity(context.User, activity!) is { } refused)
            {
                return Reject(context, refused.StatusCode, refused.Reason);
            }

            if (activity!.ServiceUrl is { Length: > 0 } serviceUrl)
            {
                trusted.Remember(serviceUrl);
            }
        }

        BotFrameworkLog.ActivityReceived(logger, activity!.Id, activity.Type.ToString(), activity.ChannelId!, activity.Conversation!.Id!);
        if (activity.Type == ActivityType.Invoke)
        {
            return TypedResults.Json(await InvokeAsync(activity), BotFrameworkJsonContext.Default.AdaptiveCardInvokeResponse);
        }

        if (ActivityMapper.TurnOf(activity) is not { } turn)
        {
            return TypedResults.Ok();
        }

        return activity.ExpectsReplies ? await RunInlineAsync(context, activity, turn) : await RunAsync(context, activity, turn);
    }

    /// <summary>Replies through the connector: answers once the turn is done, or after the inline budget with the turn going on.</summary>
    private async Task<IResult> RunAsync(HttpContext context, Activity activity, Turn turn)
    {
        if (queue.TryEnqueue(turn, BotFrameworkTurnReplies.ThroughConnector(activity, connector)) is not { } running)
        {
            return Unavailable(context, "the bot is busy");
        }

        var budget = options.Value.InlineTurnBudget;
        using var budgetTimer = new CancellationTokenSource();
        if (await Task.WhenAny(running, Task.Delay(budget, time, budgetTimer.Token)) != running)
        {
            BotFrameworkLog.TurnContinuesInBackground(logger, activity.Id, (long)budget.TotalMilliseconds);
            return TypedResults.Ok();
        }

        await budgetTimer.CancelAsync();
        return await running == TurnResult.NotProcessed ? Unavailable(context, "storage is unavailable") : TypedResults.Ok();
    }

    /// <summary><c>expectReplies</c>: the replies are the response body, so the request waits for the whole turn.</summary>
    private async Task<IResult> RunInlineAsync(HttpContext context, Activity activity, Turn turn)
    {
        var replies = BotFrameworkTurnReplies.Buffering(activity);
        if (queue.TryEnqueue(turn, replies) is not { } running)
        {
            return Unavailable(context, "the bot is busy");
        }

        return await running switch
        {
            TurnResult.NotProcessed => Unavailable(context, "storage is unavailable"),
            TurnResult.Failed => Reject(context, 500, "the turn failed; the error is in the bot's log"),
            _ => TypedResults.Json(new ExpectedReplies(replies.Activities), BotFrameworkJsonContext.Default.ExpectedReplies),
        };
    }

    /// <summary>
    /// Invokes are answered at once (Teams allows about 5 s). An Adaptive Card <c>Action.Execute</c> carrying a screening
    /// answer runs as a candidate message turn in the background; other invokes get 200 with an error body rather than 501,
    /// which Teams shows as "Unable to reach app".
    /// </summary>
    private async Task<AdaptiveCardInvokeResponse> InvokeAsync(Activity activity)
    {
        if (!string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal))
        {
            BotFrameworkLog.UnknownInvoke(logger, activity.Name ?? "(none)");
            return AdaptiveCardInvokeResponse.Error(400, "NotSupported", $"This bot does not handle '{activity.Name}' invokes.");
        }

        if (ActivityMapper.DecisionOf(activity) is { } decision)
        {
            return await DecideAsync(activity, decision);
        }

        if (ActivityMapper.AnswerOf(activity.Value) is null || activity.Conversation is not { IsPersonal: true })
        {
            return AdaptiveCardInvokeResponse.Message(CardNotUnderstood);
        }

        var message = activity with { Type = ActivityType.Message, Text = string.Empty };
        return queue.TryEnqueue(ActivityMapper.TurnOf(message)!, BotFrameworkTurnReplies.ThroughConnector(message, connector)) is null
            ? AdaptiveCardInvokeResponse.Error(503, "Busy", "The bot is busy; please try again in a moment.")
            : AdaptiveCardInvokeResponse.Message(AnswerReceived);
    }

    /// <summary>
    /// A decision or "Send feedback" button on a scorecard: runs as the recruiter's command, and the answer (done, or refused
    /// for someone who may not recruit) comes back as the toast only the clicker sees, when the turn ends within the inline
    /// budget. The card itself is refreshed for everyone by the command (a PUT to the activity), and it carries the feedback
    /// preview, so the toast is the answer's first paragraph only.
    /// </summary>
    private async Task<AdaptiveCardInvokeResponse> DecideAsync(Activity activity, Commands.RecruiterCommand command)
    {
        var message = activity with { Type = ActivityType.Message, Text = string.Empty, Value = null };
        var turn = ActivityMapper.TurnOf(message)! with { Kind = TurnKind.Command, Command = command };
        var replies = BotFrameworkTurnReplies.Buffering(message);
        if (queue.TryEnqueue(turn, replies) is not { } running)
        {
            return AdaptiveCardInvokeResponse.Error(503, "Busy", "The bot is busy; please try again in a moment.");
        }

        using var budgetTimer = new CancellationTokenSource();
        if (await Task.WhenAny(running, Task.Delay(options.Value.InlineTurnBudget, time, budgetTimer.Token)) != running)
        {
            return AdaptiveCardInvokeResponse.Message("Working on it; the card updates when it's recorded.");
        }

        await budgetTimer.CancelAsync();
        var text = replies.Activities.Select(a => a.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        return await running == TurnResult.NotProcessed
            ? AdaptiveCardInvokeResponse.Error(503, "StorageUnavailable", "The decision could not be saved; please try again in a moment.")
            : AdaptiveCardInvokeResponse.Message(text is null ? "Done." : FirstParagraph(text));
    }

    private static string FirstParagraph(string text) => text.IndexOf("\n\n", StringComparison.Ordinal) is var end and > 0 ? text[..end] : text;

    private static string? Invalid(Activity? activity)
    {
        if (activity is null)
        {
            return "the body is not an activity object";
        }

        if (activity.Type.IsEmpty)
        {
            return "the activity has no 'type'";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "the activity has no 'conversation.id'";
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "the activity has no 'channelId'";
        }

        // Interview-link conversations (bot/InterviewLinks/InterviewLinkChannel.cs) are reached only through the page's API with the link's token.
        if (string.Equals(activity.ChannelId.Trim(), InterviewLinkChannelId, StringComparison.OrdinalIgnoreCase))
        {
            return $"channel '{InterviewLinkChannelId}' is the interview page's (/interview/{{token}}), never the Bot Framework's";
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) && !activity.ExpectsReplies)
        {
            return "the activity has no 'serviceUrl' to send replies to";
        }

        if (activity.ServiceUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return "the activity's 'serviceUrl' is not an absolute URL";
        }

        return null;
    }

    private ProblemHttpResult Reject(HttpContext context, int statusCode, string reason)
    {
        BotFrameworkLog.ActivityRejected(logger, statusCode, reason);
        if (statusCode == 503)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(detail: reason, statusCode: statusCode, title: Title(statusCode));
    }

    private ProblemHttpResult Unavailable(HttpContext context, string reason) => Reject(context, 503, $"{reason}; retry in {RetryAfterSeconds} s");

    private static string Title(int statusCode) => statusCode switch
    {
        400 => "Invalid activity",
        401 => "Unauthorized",
        403 => "Forbidden",
        413 => "Activity too large",
        415 => "Unsupported media type",
        503 => "Try again later",
        _ => "Request refused",
    };

    /// <summary>
    /// With authentication off (no MicrosoftAppId) only loopback callers are served. Any web page open in the developer's
    /// browser could still post here, and the playground lets commands from it recruit: a JSON content type forces a
    /// cross-site page into a CORS preflight this server never grants, and a loopback <c>Host</c> refuses a page that rebinds
    /// its own name to 127.0.0.1.
    /// </summary>
    private static (int StatusCode, string Reason)? UnauthenticatedRequestProblem(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote) ? (401, "authentication is off (no MicrosoftAppId), so only loopback callers are accepted")
        : !context.Request.HasJsonContentType() ? (415, "authentication is off (no MicrosoftAppId), so activities must be sent as Content-Type: application/json")
        : !Loopback.IsLoopbackHost(context.Request.Host.Host) ? (403, "authentication is off (no MicrosoftAppId), so requests must address the bot by a loopback name such as localhost")
        : null;

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200] + "…";
}
