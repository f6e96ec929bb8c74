using Microsoft.Extensions.Logging;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>Log messages of candidate rights and fairness in the core. Event ids 19xx; ids and counts only, never candidate content.</summary>
internal static partial class ComplianceLog
{
    [LoggerMessage(1901, LogLevel.Information, "Interview {InterviewId} was not screened ({Reason}): the hiring channel gets a notice instead of a scorecard")]
    public static partial void NoticeInsteadOfScorecard(ILogger logger, string interviewId, NotScreenedReason reason);

    [LoggerMessage(1902, LogLevel.Warning, "Interview {InterviewId}: could not append {Action} to the audit log; the turn stands")]
    public static partial void AuditAppendFailed(ILogger logger, string interviewId, Storage.AuditAction action, Exception exception);

    [LoggerMessage(1903, LogLevel.Warning, "Interview {InterviewId}: could not store a self-identification answer; it is lost, the screen is unaffected")]
    public static partial void SelfIdentificationNotSaved(ILogger logger, string interviewId, Exception exception);
}
