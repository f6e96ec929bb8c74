namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Log messages of the interview-link channel: event ids 9xxx. Link ids (the conversation id) are logged; tokens, names,
/// addresses and answers never are.
/// </summary>
internal static partial class InterviewLinkLog
{
    [LoggerMessage(9001, LogLevel.Warning, "Interview link request refused with {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(9002, LogLevel.Warning, "Interview link request over its rate limit ({Limit}); answered 429, retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string limit, int retryAfterSeconds);

    [LoggerMessage(9003, LogLevel.Debug, "Answer on interview link {LinkId}: turn {Result}, {NoticeCount} notices")]
    public static partial void Answered(ILogger logger, string linkId, Turns.TurnResult result, int noticeCount);

    [LoggerMessage(9004, LogLevel.Warning, "Storage is unavailable; interview link {LinkId} was answered 503 so the page retries")]
    public static partial void StorageUnavailable(ILogger logger, string linkId);
}
