namespace ScreeningBot.Bot.Storage;

/// <summary>Log messages of <see cref="ScoringSweep"/> (storage block, 404x); ids and times only.</summary>
internal static partial class ScoringSweepLog
{
    [LoggerMessage(EventId = 4040, Level = LogLevel.Warning, Message = "Interview {InterviewId} ended at {EndedAt:O} and its scorecard was not posted: queued its scoring job again (requeue {Attempt})")]
    public static partial void Requeued(ILogger logger, string interviewId, DateTimeOffset endedAt, int attempt);

    [LoggerMessage(EventId = 4041, Level = LogLevel.Warning, Message = "Could not queue the scoring job of interview {InterviewId} again (requeue {Attempt}); the sweep tries again at the next one")]
    public static partial void RequeueFailed(ILogger logger, Exception exception, string interviewId, int attempt);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Warning, Message = "The scoring sweep could not read storage; it looks again in {IntervalMinutes} minutes")]
    public static partial void PassFailed(ILogger logger, Exception exception, long intervalMinutes);
}
