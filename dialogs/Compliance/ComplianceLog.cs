using Microsoft.Extensions.Logging;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>Log messages of candidate rights and fairness in the core. Event ids 19xx; ids and counts only, never candidate content.</summary>
internal static partial class ComplianceLog
{
    [LoggerMessage(1901, LogLevel.Information, "Interview {InterviewId} was not screened ({Reason}): the hiring channel gets a notice instead of a scorecard")]
    public static partial void NoticeInsteadOfScorecard(ILogger logger, string interviewId, NotScreenedReason reason);
}
