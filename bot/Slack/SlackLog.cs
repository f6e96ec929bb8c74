namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Log messages of the Slack adapter, event ids 3xxx. Slack error codes are logged; candidate text never is
/// (not even at Trace here: the dialogs log it at Trace once).
/// </summary>
internal static partial class SlackLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Slack request to {Path} refused with 503: Slack is not configured. Set Slack__SigningSecret and Slack__BotToken (README, section Slack)")]
    public static partial void NotConfigured(ILogger logger, string path);

    [LoggerMessage(3002, LogLevel.Warning, "Slack request to {Path} rejected with 401: {Reason}")]
    public static partial void SignatureRejected(ILogger logger, string path, SignatureCheck reason);

    [LoggerMessage(3003, LogLevel.Warning, "Slack request to {Path} rejected with 400: {Problem}")]
    public static partial void MalformedRequest(ILogger logger, string path, string problem);

    [LoggerMessage(3005, LogLevel.Debug, "Slack event {EventId} ignored: {Reason}")]
    public static partial void EventIgnored(ILogger logger, string? eventId, string reason);

    [LoggerMessage(3006, LogLevel.Warning, "The turn queue is full; {Work} refused with 503 so Slack delivers it again later")]
    public static partial void QueueFull(ILogger logger, string work);

    [LoggerMessage(3007, LogLevel.Warning, "Slack {Method} failed: {Error}")]
    public static partial void ApiFailed(ILogger logger, string method, string error, Exception? exception);

    [LoggerMessage(3008, LogLevel.Debug, "Slack {Method} warned: {Warning}")]
    public static partial void ApiWarning(ILogger logger, string method, string warning);

    [LoggerMessage(3011, LogLevel.Warning, "Could not answer a /screen command in channel {Channel}: {Error}")]
    public static partial void CommandAnswerUndelivered(ILogger logger, string channel, string error);

    [LoggerMessage(3012, LogLevel.Warning, "auth.test failed ({Error}); the bot's own messages are still ignored by bot_id, but not yet by user id")]
    public static partial void BotIdentityUnknown(ILogger logger, string error);

    [LoggerMessage(3013, LogLevel.Warning, "Could not read the members of Slack user group {UserGroup} ({Error}); only Screening:Recruiters may recruit until it works")]
    public static partial void UserGroupLookupFailed(ILogger logger, string userGroup, string error);

    [LoggerMessage(3018, LogLevel.Information, "Slack /screen {Command} from channel {Channel} queued")]
    public static partial void CommandQueued(ILogger logger, string command, string channel);

    [LoggerMessage(3020, LogLevel.Warning, "Slack request to {Path} rejected with 413: the body is larger than Slack:MaxBodyBytes ({MaxBytes} bytes)")]
    public static partial void TooLarge(ILogger logger, string path, int maxBytes);

    [LoggerMessage(3021, LogLevel.Warning, "Slack request to {Path} ignored: workspace {TeamId}, app {AppId} is not one this bot serves (Slack:TeamIds, Slack:AppId)")]
    public static partial void ForeignWorkspace(ILogger logger, string path, string teamId, string appId);

    [LoggerMessage(3022, LogLevel.Warning, "Slack request to {Path} deferred: the bot token's workspace could not be learned from auth.test, so the sender's cannot be checked")]
    public static partial void WorkspaceUnknown(ILogger logger, string path);
}
