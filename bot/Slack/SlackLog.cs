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

    [LoggerMessage(3004, LogLevel.Debug, "Slack event {EventId} already taken (X-Slack-Retry-Num {RetryNum}); acknowledged without processing")]
    public static partial void DuplicateEvent(ILogger logger, string eventId, string? retryNum);

    [LoggerMessage(3005, LogLevel.Debug, "Slack event {EventId} ignored: {Reason}")]
    public static partial void EventIgnored(ILogger logger, string? eventId, string reason);

    [LoggerMessage(3006, LogLevel.Warning, "Slack work queue is full; {Work} refused with 503 so Slack delivers it again later")]
    public static partial void QueueFull(ILogger logger, string work);

    [LoggerMessage(3007, LogLevel.Warning, "Slack {Method} failed: {Error}")]
    public static partial void ApiFailed(ILogger logger, string method, string error, Exception? exception);

    [LoggerMessage(3008, LogLevel.Debug, "Slack {Method} warned: {Warning}")]
    public static partial void ApiWarning(ILogger logger, string method, string warning);

    [LoggerMessage(3009, LogLevel.Error, "Slack {Work} failed")]
    public static partial void WorkFailed(ILogger logger, string work, Exception exception);

    [LoggerMessage(3010, LogLevel.Debug, "Slack {Work} cancelled (shutting down)")]
    public static partial void WorkCancelled(ILogger logger, string work);

    [LoggerMessage(3011, LogLevel.Warning, "Could not answer a /screen command in channel {Channel}: {Error}")]
    public static partial void CommandAnswerUndelivered(ILogger logger, string channel, string error);

    [LoggerMessage(3012, LogLevel.Warning, "auth.test failed ({Error}); the bot's own messages are still ignored by bot_id, but not yet by user id")]
    public static partial void BotIdentityUnknown(ILogger logger, string error);

    [LoggerMessage(3013, LogLevel.Warning, "Could not read the members of Slack user group {UserGroup} ({Error}); only Screening:Recruiters may recruit until it works")]
    public static partial void UserGroupLookupFailed(ILogger logger, string userGroup, string error);

    [LoggerMessage(3014, LogLevel.Debug, "Button click in {Channel} on question {QuestionId} ignored: the interview now waits on {PendingQuestionId}")]
    public static partial void StaleClick(ILogger logger, string channel, string questionId, string? pendingQuestionId);

    [LoggerMessage(3015, LogLevel.Warning, "Storage is unavailable; Slack event {EventId} refused with 503 so Slack delivers it again")]
    public static partial void LedgerUnavailable(ILogger logger, string eventId, Exception exception);

    [LoggerMessage(3016, LogLevel.Warning, "Storage is unavailable; the candidate's message in {Channel} was not processed and they were asked to send it again")]
    public static partial void TurnStorageUnavailable(ILogger logger, string channel, Exception exception);

    [LoggerMessage(3017, LogLevel.Information, "Slack turn in {Channel}: {Status}, {ReplyCount} replies, interview {InterviewId}")]
    public static partial void TurnHandled(ILogger logger, string channel, string status, int replyCount, string? interviewId);

    [LoggerMessage(3018, LogLevel.Information, "Slack /screen {Command} from channel {Channel} queued")]
    public static partial void CommandQueued(ILogger logger, string command, string channel);

    [LoggerMessage(3019, LogLevel.Warning, "Storage is unavailable; a /screen command in channel {Channel} was answered with a try-again message")]
    public static partial void CommandStorageUnavailable(ILogger logger, string channel, Exception exception);
}
