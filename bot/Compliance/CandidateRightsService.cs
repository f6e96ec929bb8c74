using Humanizer;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// A candidate's rights of access and erasure, for the recruiter commands and the command-line verbs alike. Erasure removes
/// what the bot posted about the candidate in Teams and Slack (each channel's delete, or an overwrite where it will not
/// delete), then every stored interview, transcript, scorecard and self-identification, and webhook dead letters about them; a message it cannot reach is reported
/// and kept on record, so running it again retries. Both are written to the audit log with who asked, without content.
/// </summary>
/// <param name="deadLetters">The webhook dead letters, registered wherever storage is; optional so hand-built test setups need none.</param>
internal sealed class CandidateRightsService(
    CandidateDataService data,
    CandidateExporter exporter,
    IPostedMessageStore posted,
    ChannelRouter channels,
    AuditTrail audit,
    ILogger<CandidateRightsService> logger,
    Storage.IWebhookDeadLetterStore? deadLetters = null)
{
    public async Task<CandidateErasure> ForgetAsync(string candidateId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(candidateId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var removed = 0;
        var unreached = new List<UnreachedMessage>();

        // Continuations (thread replies) before the message they continue, so a thread never outlives its parent's removal.
        var messages = (await posted.ListAsync(candidateId, cancellationToken)).OrderBy(m => m.PostedAt).ThenBy(m => m.InterviewId, StringComparer.Ordinal).ThenByDescending(m => m.Part);
        foreach (var message in messages)
        {
            var removal = await channels.RemoveMessageAsync(new ChannelMessage(message.Conversation, message.MessageId), cancellationToken);
            if (removal.Removed)
            {
                await posted.DeleteAsync(message, cancellationToken);
                removed++;
            }
            else
            {
                var problem = removal.Problem ?? "the channel refused";
                ComplianceLog.MessageNotRemoved(logger, message.Conversation.ChannelId, message.Conversation.ConversationId, message.MessageId, problem);
                unreached.Add(new UnreachedMessage(message.Conversation.ChannelId, message.Conversation.ConversationId, message.MessageId, problem));
            }
        }

        var stored = await data.ForgetCandidateAsync(candidateId, cancellationToken);

        // A webhook event that failed every attempt keeps its body, which names the candidate, until replayed: it goes too.
        if (deadLetters is not null)
        {
            foreach (var interviewId in stored.InterviewIds)
            {
                await deadLetters.DeleteForInterviewAsync(interviewId, cancellationToken);
            }
        }

        var erasure = new CandidateErasure(stored, removed, unreached);
        ComplianceLog.CandidateErased(logger, stored.Interviews, stored.TranscriptTurns, stored.Reports, stored.SelfIdentifications, removed, unreached.Count);
        if (!erasure.FoundNothing)
        {
            await audit.RecordAsync(AuditAction.Erased, actor, candidateId, detail: Describe(erasure), cancellationToken: cancellationToken);
        }

        return erasure;
    }

    /// <param name="includeSelfIdentification">True only for the operator: recruiters never see self-identification one by one.</param>
    public async Task<CandidateExport> ExportAsync(string candidateId, string actor, bool includeSelfIdentification, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(candidateId);
        var export = await exporter.ExportAsync(candidateId, actor, includeSelfIdentification, cancellationToken);
        ComplianceLog.CandidateExported(logger, export.Interviews.Count, includeSelfIdentification);
        if (export.Interviews.Count > 0 || export.PostedMessages.Count > 0)
        {
            await audit.RecordAsync(
                AuditAction.Exported,
                actor,
                candidateId,
                detail: $"{"interview".ToQuantity(export.Interviews.Count)}{(includeSelfIdentification ? ", self-identification included" : string.Empty)}",
                cancellationToken: cancellationToken);
        }

        return export;
    }

    /// <summary>"2 interviews, 31 transcript turns, 1 scorecard, 1 self-identification; 1 channel message removed, 0 not reached".</summary>
    public static string Describe(CandidateErasure erasure)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var s = erasure.Stored;
        return $"{"interview".ToQuantity(s.Interviews)}, {"transcript turn".ToQuantity(s.TranscriptTurns)}, {"scorecard".ToQuantity(s.Reports)}, " +
            $"{"self-identification".ToQuantity(s.SelfIdentifications)}; {"channel message".ToQuantity(erasure.MessagesRemoved)} removed, {erasure.Unreached.Count} not reached";
    }
}
