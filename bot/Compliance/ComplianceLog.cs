using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>Log messages of candidate rights and fairness in the host. Event ids 69xx; ids and counts only, never candidate content.</summary>
internal static partial class ComplianceLog
{
    [LoggerMessage(6901, LogLevel.Warning, "Could not append {Action} to the audit log")]
    public static partial void AuditAppendFailed(ILogger logger, AuditAction action, Exception exception);

    [LoggerMessage(6902, LogLevel.Warning, "Posted {Kind} for interview {InterviewId} ({Channel} conversation {ConversationId}, message {MessageId}) but could not record it; erasure will not find it, delete it by hand if the candidate is forgotten")]
    public static partial void PostedMessageNotRecorded(ILogger logger, PostedMessageKind kind, string interviewId, string channel, string conversationId, string messageId, Exception exception);

    [LoggerMessage(6903, LogLevel.Information, "Not-screened notice for interview {InterviewId} was posted before; not posting it again")]
    public static partial void NoticeAlreadyPosted(ILogger logger, string interviewId);

    [LoggerMessage(6904, LogLevel.Information, "Erased a candidate: {Interviews} interviews, {Turns} transcript turns, {Reports} reports, {SelfIdentifications} self-identifications; {Removed} channel messages removed, {Unreached} not reached")]
    public static partial void CandidateErased(ILogger logger, int interviews, int turns, int reports, int selfIdentifications, int removed, int unreached);

    [LoggerMessage(6905, LogLevel.Warning, "Could not remove message {MessageId} in {Channel} conversation {ConversationId}: {Problem}")]
    public static partial void MessageNotRemoved(ILogger logger, string channel, string conversationId, string messageId, string problem);

    [LoggerMessage(6906, LogLevel.Information, "Exported a candidate's data: {Interviews} interviews, self-identification included: {SelfIdentification}")]
    public static partial void CandidateExported(ILogger logger, int interviews, bool selfIdentification);
}
