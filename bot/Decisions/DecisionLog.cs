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
}
