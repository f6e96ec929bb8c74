namespace ScreeningBot.Bot.Decisions;

/// <summary>Log messages of the decision loop (decisions, reminders, feedback, export, webhook): event ids 6500–6599. No candidate content above Trace.</summary>
internal static partial class DecisionLog
{
    [LoggerMessage(6501, LogLevel.Information, "Interview {InterviewId}: decision {Decision} recorded from {Source}")]
    public static partial void Decided(ILogger logger, string interviewId, string decision, string source);

    [LoggerMessage(6502, LogLevel.Information, "Interview {InterviewId}: note recorded from {Source}")]
    public static partial void Noted(ILogger logger, string interviewId, string source);

    [LoggerMessage(6503, LogLevel.Warning, "Interview {InterviewId}: the scorecard {MessageId} could not be refreshed with the decision")]
    public static partial void CardNotRefreshed(ILogger logger, string interviewId, string messageId, Exception exception);

    [LoggerMessage(6510, LogLevel.Information, "Interview {InterviewId}: nudged the idle candidate")]
    public static partial void Nudged(ILogger logger, string interviewId);

    [LoggerMessage(6511, LogLevel.Warning, "Interview {InterviewId}: a reminder or expiry notice could not be delivered")]
    public static partial void NudgeUndelivered(ILogger logger, string interviewId, Exception exception);

    [LoggerMessage(6512, LogLevel.Information, "Interview {InterviewId}: expired at its deadline, not scored")]
    public static partial void Expired(ILogger logger, string interviewId);

    [LoggerMessage(6513, LogLevel.Warning, "The reminder pass failed; the next pass tries again")]
    public static partial void ReminderPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(6520, LogLevel.Debug, "Interview {InterviewId}: webhook event {EventType} {EventId} queued")]
    public static partial void WebhookQueued(ILogger logger, string interviewId, string eventType, string eventId);

    [LoggerMessage(6521, LogLevel.Warning, "Interview {InterviewId}: webhook event {EventType} could not be queued; it is not sent")]
    public static partial void WebhookNotQueued(ILogger logger, string interviewId, string eventType, Exception exception);

    [LoggerMessage(6522, LogLevel.Information, "Interview {InterviewId}: webhook event {EventType} {EventId} delivered on attempt {Attempt}")]
    public static partial void WebhookDelivered(ILogger logger, string interviewId, string eventType, string eventId, int attempt);

    [LoggerMessage(6523, LogLevel.Warning, "Interview {InterviewId}: webhook event {EventType} {EventId} attempt {Attempt} of {MaxAttempts} failed ({Failure}); next in {BackoffSeconds} s")]
    public static partial void WebhookAttemptFailed(ILogger logger, string interviewId, string eventType, string eventId, int attempt, int maxAttempts, string failure, long backoffSeconds);

    [LoggerMessage(6524, LogLevel.Error, "Interview {InterviewId}: webhook event {EventType} {EventId} dead-lettered: {Reason}")]
    public static partial void WebhookDeadLettered(ILogger logger, string interviewId, string eventType, string eventId, string reason);

    [LoggerMessage(6530, LogLevel.Information, "Interview {InterviewId}: feedback about decision {Decision} sent to the candidate")]
    public static partial void FeedbackSent(ILogger logger, string interviewId, string decision);

    [LoggerMessage(6531, LogLevel.Warning, "Interview {InterviewId}: feedback could not be delivered to the candidate")]
    public static partial void FeedbackUndelivered(ILogger logger, string interviewId, Exception exception);
}
