namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Log messages of the storage adapters and their background services. Event ids 4xxx belong to Storage
/// (docs/architecture.md lists the blocks). No candidate content is logged: only ids, counts and timings.
/// </summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Storage: {Provider} at {Location}")]
    public static partial void StorageSelected(ILogger logger, StorageProvider provider, string location);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Created or upgraded the SQLite schema to version {SchemaVersion} in {Path}")]
    public static partial void SqliteSchemaCreated(ILogger logger, int schemaVersion, string path);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Moved the answers of {Count} stored interviews to rows of their own in {Path}")]
    public static partial void SqliteInterviewsUpgraded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "No IScoringJobHandler is registered, so the job queue worker is idle and scoring jobs stay queued until a handler is registered")]
    public static partial void WorkerHasNoHandler(ILogger logger);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "Completed scoring job {MessageId} for interview {InterviewId} on attempt {DequeueCount} in {ElapsedMs} ms")]
    public static partial void JobCompleted(ILogger logger, string messageId, string interviewId, int dequeueCount, long elapsedMs);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Scoring job {MessageId} for interview {InterviewId} failed on attempt {DequeueCount} of {MaxDequeueCount}; it is delivered again after the visibility timeout")]
    public static partial void JobFailed(ILogger logger, Exception exception, string messageId, string interviewId, int dequeueCount, int maxDequeueCount);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "Scoring job {MessageId} for interview {InterviewId} moved to the poison store after {DequeueCount} attempts: {Reason}")]
    public static partial void JobPoisoned(ILogger logger, Exception? exception, string messageId, string interviewId, int dequeueCount, string reason);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "Polling the job queue failed; polling again in {DelayMs} ms")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "Queue message {MessageId} is not a valid scoring job; moved it to the poison store")]
    public static partial void MalformedJob(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Debug, Message = "The job queue worker is stopping")]
    public static partial void WorkerStopping(ILogger logger);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Information, Message = "Scoring job {MessageId} for interview {InterviewId} was given back unfinished because the bot is stopping; the next process or another instance takes it at once")]
    public static partial void JobReleased(ILogger logger, string messageId, string interviewId);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Warning, Message = "Scoring job {MessageId} for interview {InterviewId} could not be given back while stopping; it is delivered again after the visibility timeout")]
    public static partial void JobReleaseFailed(ILogger logger, Exception exception, string messageId, string interviewId);

    [LoggerMessage(EventId = 4019, Level = LogLevel.Warning, Message = "Interview {InterviewId} was saved, but its conversation index entry could not be refreshed beside it; the next update refreshes it")]
    public static partial void IndexRefreshFailed(ILogger logger, string interviewId, Exception exception);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Retention: deleted {Interviews} interviews, {TranscriptTurns} transcript turns, {Reports} reports and {WebhookDeadLetters} webhook dead letters created before {Cutoff:O}")]
    public static partial void RetentionPurged(ILogger logger, int interviews, int transcriptTurns, int reports, int webhookDeadLetters, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Retention purge failed; it runs again in {DelayMinutes} minutes")]
    public static partial void RetentionFailed(ILogger logger, Exception exception, long delayMinutes);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Debug, Message = "Checkpointed {Checkpointed} of {LogFrames} write-ahead log frames into {Path}")]
    public static partial void WalCheckpointed(ILogger logger, int checkpointed, int logFrames, string path);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Warning, Message = "Checkpointing the SQLite write-ahead log failed; trying again in {DelayMs} ms")]
    public static partial void WalCheckpointFailed(ILogger logger, Exception exception, long delayMs);
}
