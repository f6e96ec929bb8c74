using Microsoft.Extensions.Logging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// What a candidate's turn changed, for the audit log: consent given or declined, a request for a person, a withdrawal, the
/// end of a screen. Called by <see cref="InterviewService"/> after the turn is saved; the record follows the action, so an
/// audit store that is down is logged and the turn still stands.
/// </summary>
internal static class InterviewAudit
{
    /// <summary>The event a change from <paramref name="before"/> to <paramref name="after"/> records; null when it records none.</summary>
    public static AuditEvent? For(InterviewStatus before, Interview after, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(after);
        var status = after.Record.Status;
        if (status == before || status is InterviewStatus.Paused || (before is InterviewStatus.Paused && status is InterviewStatus.InProgress or InterviewStatus.NotStarted))
        {
            return null;
        }

        (AuditAction Action, string Actor, string? Detail) what = status switch
        {
            InterviewStatus.InProgress => (AuditAction.ConsentGiven, AuditActors.Candidate, null),
            InterviewStatus.Declined => (AuditAction.ConsentDeclined, AuditActors.Candidate, null),
            InterviewStatus.OptedOut => (AuditAction.OptedOut, AuditActors.Candidate, "asked for an interview with a person"),
            InterviewStatus.Withdrawn => (AuditAction.Withdrew, AuditActors.Candidate, null),
            _ => (AuditAction.Ended, AuditActors.ScreeningBot, "ended: " + status),
        };
        return new AuditEvent
        {
            Timestamp = now,
            Action = what.Action,
            Actor = what.Actor,
            InterviewId = after.Id,
            ProfileId = after.ProfileId,
            Candidate = AuditActors.CandidateRef(after.Candidate.Id),
            Detail = what.Detail,
        };
    }

    public static async Task RecordAsync(IAuditLog? log, InterviewStatus before, Interview after, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        if (log is null || For(before, after, now) is not { } auditEvent)
        {
            return;
        }

        try
        {
            await log.AppendAsync(auditEvent, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            ComplianceLog.AuditAppendFailed(logger, after.Id, auditEvent.Action, e);
        }
    }
}
