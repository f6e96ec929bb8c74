using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// Appends to the audit log on behalf of the host's commands and workers. Recording follows the action it records (the
/// action is already done), so a storage outage while appending is logged as a warning rather than failing the action.
/// </summary>
internal sealed class AuditTrail(IAuditLog log, TimeProvider time, ILogger<AuditTrail> logger)
{
    public async Task RecordAsync(AuditAction action, string actor, string? candidateId = null, string? interviewId = null, string? profileId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        var auditEvent = new AuditEvent
        {
            Timestamp = time.GetUtcNow(),
            Action = action,
            Actor = actor.Length <= AuditEvent.MaxActorLength ? actor : actor[..AuditEvent.MaxActorLength],
            Candidate = candidateId is null ? null : AuditActors.CandidateRef(candidateId),
            InterviewId = interviewId,
            ProfileId = profileId,
            Detail = detail,
        };
        try
        {
            await log.AppendAsync(auditEvent, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            ComplianceLog.AuditAppendFailed(logger, action, e);
        }
    }
}
