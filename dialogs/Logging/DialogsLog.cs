using Microsoft.Extensions.Logging;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs;

/// <summary>
/// Log messages of the screening core. Event ids 1xxx. Candidate content never appears above Trace:
/// these messages carry ids, phases, figures and durations only.
/// </summary>
internal static partial class DialogsLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Judged answer {QuestionId} of interview {InterviewId}: depth {Depth} by {JudgedBy} in {ElapsedMs:0.0} ms")]
    public static partial void AnswerJudged(ILogger logger, string interviewId, string questionId, double depth, JudgeKind judgedBy, double elapsedMs);

    [LoggerMessage(1002, LogLevel.Information, "Interview {InterviewId} started for profile {ProfileId}")]
    public static partial void InterviewStarted(ILogger logger, string interviewId, string profileId);

    [LoggerMessage(1003, LogLevel.Information, "Interview {InterviewId} ended: {Status} in phase {Phase}")]
    public static partial void InterviewEnded(ILogger logger, string interviewId, InterviewStatus status, Phase phase);

    [LoggerMessage(1004, LogLevel.Debug, "Interview {InterviewId} turn: phase {Phase}, item {ItemIndex}, step {StepIndex}, {ReplyCount} replies in {ElapsedMs:0.0} ms")]
    public static partial void TurnProcessed(ILogger logger, string interviewId, Phase phase, int itemIndex, int stepIndex, int replyCount, double elapsedMs);

    [LoggerMessage(1005, LogLevel.Debug, "Interview {InterviewId}: duplicate message {MessageId} ignored")]
    public static partial void DuplicateMessage(ILogger logger, string interviewId, string messageId);

    [LoggerMessage(1006, LogLevel.Debug, "Interview {InterviewId}: answer to {QuestionId} not recognised (attempt {AttemptCount})")]
    public static partial void AnswerNotRecognized(ILogger logger, string interviewId, string? questionId, int attemptCount);

    [LoggerMessage(1007, LogLevel.Information, "Interview {InterviewId}: candidate command {Command}")]
    public static partial void CandidateCommand(ILogger logger, string interviewId, string command);

    [LoggerMessage(1008, LogLevel.Warning, "Interview {InterviewId}: profile {ProfileId} changed from {StoredVersion} to {CurrentVersion}; the interview is invalidated")]
    public static partial void ProfileChanged(ILogger logger, string interviewId, string profileId, string storedVersion, string currentVersion);

    [LoggerMessage(1009, LogLevel.Debug, "Interview {InterviewId}: write conflict on attempt {Attempt}; retrying the turn")]
    public static partial void TurnConflict(ILogger logger, string interviewId, int attempt);

    [LoggerMessage(1010, LogLevel.Warning, "Interview {InterviewId}: could not flush {Count} transcript turns; they stay in the state and are written on the next turn")]
    public static partial void TranscriptFlushFailed(ILogger logger, string interviewId, int count, Exception exception);

    [LoggerMessage(1011, LogLevel.Error, "Interview {InterviewId}: could not enqueue the scoring job")]
    public static partial void ScoringEnqueueFailed(ILogger logger, string interviewId, Exception exception);

    [LoggerMessage(1012, LogLevel.Trace, "Interview {InterviewId}: candidate said {Text}")]
    public static partial void CandidateText(ILogger logger, string interviewId, string text);

    [LoggerMessage(1013, LogLevel.Information, "Scorecard for interview {InterviewId}: {Recommendation} ({CompositeScore}/100)")]
    public static partial void ScorecardBuilt(ILogger logger, string interviewId, string recommendation, int compositeScore);

    [LoggerMessage(1014, LogLevel.Information, "Scorecard for interview {InterviewId} posted as {MessageId}")]
    public static partial void ScorecardPosted(ILogger logger, string interviewId, string? messageId);

    [LoggerMessage(1015, LogLevel.Debug, "Scoring job for interview {InterviewId} skipped: {Reason}")]
    public static partial void ScoringSkipped(ILogger logger, string interviewId, string reason);

    // 1030+: answers bound to the prompt the candidate saw.
    [LoggerMessage(1030, LogLevel.Information, "Interview {InterviewId}: a message crossed question {QuestionId} ({Reason}); kept in the transcript, not taken as its answer")]
    public static partial void AnswerCrossed(ILogger logger, string interviewId, string? questionId, string reason);

    // 1040+: the interview's clock (dialogs/Screening/InterviewClock.cs).
    [LoggerMessage(1040, LogLevel.Information, "Interview {InterviewId}: its {PlannedMinutes} planned minutes are used ({UsedMinutes:0.0} counted); the remaining questions are left out and the interview wraps up")]
    public static partial void TimeUp(ILogger logger, string interviewId, int plannedMinutes, double usedMinutes);

    [LoggerMessage(1041, LogLevel.Debug, "Interview {InterviewId}: no adaptive follow-up on {QuestionId}, less than a fifth of the planned time is left ({UsedMinutes:0.0} of {PlannedMinutes} minutes used)")]
    public static partial void FollowUpsDroppedForTime(ILogger logger, string interviewId, string questionId, double usedMinutes, int plannedMinutes);

    // 1050+: scorecard narrative (kept apart from the conversation events other areas add).
    [LoggerMessage(1050, LogLevel.Warning, "Interview {InterviewId}: the scorecard narrator failed; the template narrative is kept")]
    public static partial void NarrativeFailed(ILogger logger, string interviewId, Exception exception);
}
