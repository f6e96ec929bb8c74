using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>, in the order that keeps bad input from doing anything: authenticate the bearer token (before
/// the body is read), read the body within <see cref="BotFrameworkOptions.MaxBodyBytes"/>, parse and check the activity,
/// check it against the token (serviceUrl, endorsements), then run the turn through <see cref="ConversationTurnQueue"/>,
/// once per activity id (see <see cref="RunOnceAsync"/>). Normal delivery answers 200 once the turn is done or
/// <see cref="BotFrameworkOptions.InlineTurnBudget"/> has passed, whichever comes first (replies go through the connector);
/// <c>expectReplies</c> runs inline and returns the replies; invokes get their invoke response at once.
/// </summary>
/// <remarks>
/// Storage down (<see cref="StorageUnavailableException"/>) means the turn saved nothing and the activity is not recorded
/// as processed, so a retry runs. What the sender gets: <c>expectReplies</c> → 503 with Retry-After (the replies would
/// have been the body, so nothing was shown). Normal delivery of a message → the short apology
/// <see cref="BotFrameworkText.TryAgain"/> through the connector and 200: the person sends it again, and a 5xx on top
/// would make the channel redeliver as well, answering the next question with the same text. If the apology cannot be
/// sent either, or the activity is not a message, → 503 with Retry-After so the channel retries.
/// </remarks>
internal sealed class ActivityProcessor(
    BotFrameworkAuthenticator authenticator,
    TrustedServiceUrls trusted,
    IProcessedMessageLedger ledger,
    ConversationTurnQueue queue,
    BotFrameworkTurnHandler handler,
    ConnectorClient connector,
    IOptions<BotFrameworkOptions> options,
    TimeProvider time,
    ILogger<ActivityProcessor> logger)
{
    /// <summary>Seconds the channel is asked to wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    private const string AdaptiveCardAction = "adaptiveCard/action";

    public async Task<IResult> ProcessAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        var authentication = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization, cancellationToken);
        if (!authentication.Succeeded)
        {
            return Reject(context, authentication.StatusCode, authentication.Failure ?? "not authenticated");
        }

        if (!authenticator.Enabled && !IsLoopback(context.Connection.RemoteIpAddress))
        {
            return Reject(context, 401, "authentication is off (no MicrosoftAppId), so only loopback callers are accepted");
        }

        if (!authenticator.Enabled && UnauthenticatedRequestProblem(context.Request) is { } local)
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

        authentication = BotFrameworkAuthenticator.CheckActivity(authentication, activity!);
        if (!authentication.Succeeded)
        {
            return Reject(context, authentication.StatusCode, authentication.Failure ?? "not authenticated");
        }

        if (activity!.ServiceUrl is { Length: > 0 } serviceUrl && authentication.Authenticated)
        {
            trusted.Remember(serviceUrl);
        }

        var conversationKey = ActivityMapper.ConversationKeyOf(activity);
        BotFrameworkLog.ActivityReceived(logger, activity.Id, activity.Type.ToString(), activity.ChannelId!, activity.Conversation!.Id!);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ActivityId"] = activity.Id, ["ConversationId"] = activity.Conversation.Id });
        if (queue.Pending >= settings.MaxPendingTurns)
        {
            BotFrameworkLog.TooManyPendingTurns(logger, queue.Pending, activity.Id);
            return Unavailable(context, "the bot is busy");
        }

        if (activity.Type == ActivityType.Invoke)
        {
            return TypedResults.Json(Invoke(activity, conversationKey), BotFrameworkJsonContext.Default.AdaptiveCardInvokeResponse);
        }

        if (activity.ExpectsReplies)
        {
            return await RunInlineAsync(context, activity, conversationKey);
        }

        var outcome = BackgroundTurnOutcome.Done;
        var turn = queue.TryEnqueue(conversationKey, async ct => outcome = await RunInBackgroundAsync(activity, ct));
        if (turn is null)
        {
            BotFrameworkLog.TooManyPendingTurns(logger, queue.Pending, activity.Id);
            return Unavailable(context, "the bot is busy");
        }

        var budget = settings.InlineTurnBudget;
        using var budgetTimer = new CancellationTokenSource();
        if (await Task.WhenAny(turn, Task.Delay(budget, time, budgetTimer.Token)) != turn)
        {
            BotFrameworkLog.TurnContinuesInBackground(logger, activity.Id, (long)budget.TotalMilliseconds);
            return TypedResults.Ok();
        }

        await budgetTimer.CancelAsync();
        return outcome == BackgroundTurnOutcome.NotProcessed ? Unavailable(context, "storage is unavailable") : TypedResults.Ok();
    }

    private async Task<IResult> RunInlineAsync(HttpContext context, Activity activity, string conversationKey)
    {
        var output = new BufferedTurnOutput(activity);
        var started = time.GetTimestamp();
        var turn = queue.TryEnqueue(conversationKey, ct => RunOnceAsync(activity, output, ct));
        if (turn is null)
        {
            return Unavailable(context, "the bot is busy");
        }

        try
        {
            await turn;
        }
        catch (StorageUnavailableException e)
        {
            BotFrameworkLog.StorageUnavailable(logger, activity.Id, e);
            return Unavailable(context, "storage is unavailable");
        }

        BotFrameworkLog.TurnCompleted(logger, activity.Id, (long)time.GetElapsedTime(started).TotalMilliseconds, output.Activities.Count);
        return TypedResults.Json(new ExpectedReplies(output.Activities), BotFrameworkJsonContext.Default.ExpectedReplies);
    }

    /// <summary>
    /// Runs the turn at most once per activity id: skipped when the processed-message ledger has the id, recorded after
    /// the turn. A turn that failed because storage is down is not recorded (it saved nothing), so the channel's retry is
    /// processed; any other failure is recorded, since the turn may have had effects a retry would repeat. Returns false
    /// for a duplicate.
    /// </summary>
    /// <remarks>
    /// Recording after the turn, not before, leaves a window in which two copies of one activity delivered to two
    /// instances at once both pass the ledger. Interview answers stay exactly-once even then: the interview state keeps
    /// the ids of the messages it took and is saved with If-Match, so the losing copy reloads and finds its id.
    /// </remarks>
    private async Task<bool> RunOnceAsync(Activity activity, ITurnOutput output, CancellationToken cancellationToken)
    {
        var key = activity.Id is { Length: > 0 } id ? LedgerKey(activity, id) : null;
        if (key is not null && await ledger.ContainsAsync(key, cancellationToken))
        {
            BotFrameworkLog.DuplicateActivity(logger, activity.Id!, activity.Conversation!.Id!);
            return false;
        }

        try
        {
            await handler.HandleAsync(activity, output, cancellationToken);
        }
        catch (Exception e) when (key is not null && e is not (StorageUnavailableException or OperationCanceledException))
        {
            await RecordAsync(activity, key, cancellationToken);
            throw;
        }

        if (key is not null)
        {
            await RecordAsync(activity, key, cancellationToken);
        }

        return true;
    }

    private async Task RecordAsync(Activity activity, string key, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.TryRecordAsync(key, options.Value.DeduplicationWindow, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            BotFrameworkLog.LedgerRecordFailed(logger, activity.Id, e);
        }
    }

    /// <summary>A turn whose replies go through the connector. It must never throw: nobody awaits it after the budget.</summary>
    private async Task<BackgroundTurnOutcome> RunInBackgroundAsync(Activity activity, CancellationToken cancellationToken)
    {
        var output = new ConnectorTurnOutput(activity, connector);
        var started = time.GetTimestamp();
        try
        {
            if (await RunOnceAsync(activity, output, cancellationToken))
            {
                BotFrameworkLog.TurnCompleted(logger, activity.Id, (long)time.GetElapsedTime(started).TotalMilliseconds, -1);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            BotFrameworkLog.TurnFailed(logger, activity.Id, activity.Conversation!.Id!, new OperationCanceledException("The host shut down before the turn finished."));
        }
        catch (StorageUnavailableException e)
        {
            // Nothing was saved or recorded. A person who wrote a message is asked to send it again; for anything else,
            // or when even the apology cannot be sent, the request (if still open) gets 503 so the channel retries.
            if (activity.Type == ActivityType.Message && await TrySendAsync(output, BotFrameworkText.TryAgain, activity, cancellationToken))
            {
                BotFrameworkLog.StorageUnavailableApologized(logger, activity.Id, e);
                return BackgroundTurnOutcome.Apologized;
            }

            BotFrameworkLog.StorageUnavailable(logger, activity.Id, e);
            return BackgroundTurnOutcome.NotProcessed;
        }
#pragma warning disable CA1031 // A background turn must survive anything; the failure is logged with its exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            BotFrameworkLog.TurnFailed(logger, activity.Id, activity.Conversation!.Id!, e);
        }

        return BackgroundTurnOutcome.Done;
    }

    private async Task<bool> TrySendAsync(ConnectorTurnOutput output, string text, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await output.SendAsync(ReplyActivities.FromReply(Dialogs.Conversation.Reply.Message(text), activity.ChannelId), cancellationToken);
            return true;
        }
#pragma warning disable CA1031 // Best effort: the original failure is already logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            BotFrameworkLog.TurnFailed(logger, activity.Id, activity.Conversation!.Id!, e);
            return false;
        }
    }

    /// <summary>
    /// Invokes are answered at once (Teams allows about 5 s). An Adaptive Card <c>Action.Execute</c> carrying a screening
    /// answer runs as a candidate turn in the background; other invokes get 200 with an error body rather than 501,
    /// which Teams shows as "Unable to reach app".
    /// </summary>
    private AdaptiveCardInvokeResponse Invoke(Activity activity, string conversationKey)
    {
        if (!string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal))
        {
            BotFrameworkLog.UnknownInvoke(logger, activity.Name ?? "(none)");
            return AdaptiveCardInvokeResponse.Error(400, "NotSupported", $"This bot does not handle '{activity.Name}' invokes.");
        }

        if (ActivityMapper.AnswerOf(activity.Value) is null || activity.Conversation is not { IsPersonal: true })
        {
            return AdaptiveCardInvokeResponse.Message(BotFrameworkText.CardNotUnderstood);
        }

        var message = activity with { Type = ActivityType.Message, Text = string.Empty };
        return queue.TryEnqueue(conversationKey, ct => RunInBackgroundAsync(message, ct)) is null
            ? AdaptiveCardInvokeResponse.Error(503, "Busy", "The bot is busy; please try again in a moment.")
            : AdaptiveCardInvokeResponse.Message(BotFrameworkText.AnswerReceived);
    }

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

    /// <summary>Hashed, so ids of any length or character set fit every ledger backend.</summary>
    private static string LedgerKey(Activity activity, string id) =>
        "bf:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.ChannelId}\n{activity.Conversation!.Id}\n{id}")));

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
    /// With authentication off, any web page open in the developer's browser could post here, and the playground lets
    /// commands from it recruit. A JSON content type forces a cross-site page into a CORS preflight this server never grants,
    /// and a loopback <c>Host</c> refuses a page that rebinds its own name to 127.0.0.1.
    /// </summary>
    private static (int StatusCode, string Reason)? UnauthenticatedRequestProblem(HttpRequest request) =>
        !request.HasJsonContentType() ? (415, "authentication is off (no MicrosoftAppId), so activities must be sent as Content-Type: application/json")
        : !TrustedServiceUrls.IsLoopbackHost(request.Host.Host) ? (403, "authentication is off (no MicrosoftAppId), so requests must address the bot by a loopback name such as localhost")
        : null;

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200] + "…";
}
