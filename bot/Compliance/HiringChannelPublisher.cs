using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// The scorecard publisher: posts through <see cref="ChannelRouter"/>, records every posted message (so erasing the candidate
/// can remove it from the channel), and writes the recommendation, or the "not screened" notice, to the audit log as the
/// screening bot's, for a person to decide on. A notice is posted once per interview.
/// </summary>
internal sealed class HiringChannelPublisher(ChannelRouter channels, IPostedMessageStore posted, AuditTrail audit, TimeProvider time, ILogger<HiringChannelPublisher> logger) : IScorecardPublisher
{
    public async Task<string?> PublishAsync(Interview interview, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(scorecard);
        var messages = await channels.PostScorecardAsync(interview, scorecard, cancellationToken);
        await RecordAsync(interview, PostedMessageKind.Scorecard, messages, cancellationToken);
        await audit.RecordAsync(
            AuditAction.Recommended,
            AuditActors.ScreeningBot,
            interview.Candidate.Id,
            interview.Id,
            interview.ProfileId,
            $"recommendation {scorecard.Recommendation.ToDisplay()}, {scorecard.CompositeScore}/100, outcome {interview.Status}; a person decides",
            cancellationToken);
        return messages.Count > 0 ? messages[0].MessageId : null;
    }

    public async Task PublishNoticeAsync(Interview interview, ScreeningNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(notice);
        var earlier = await posted.ListAsync(interview.Candidate.Id, cancellationToken);
        if (earlier.Any(m => m.InterviewId == interview.Id && m.Kind == PostedMessageKind.Notice))
        {
            ComplianceLog.NoticeAlreadyPosted(logger, interview.Id);
            return;
        }

        var messages = await channels.PostNoticeAsync(interview, notice, cancellationToken);
        await RecordAsync(interview, PostedMessageKind.Notice, messages, cancellationToken);
        await audit.RecordAsync(AuditAction.NotScreenedNotice, AuditActors.ScreeningBot, interview.Candidate.Id, interview.Id, interview.ProfileId, $"not screened: {notice.Reason}", cancellationToken);
    }

    private async Task RecordAsync(Interview interview, PostedMessageKind kind, IReadOnlyList<ChannelMessage> messages, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        for (var part = 0; part < messages.Count; part++)
        {
            var message = messages[part];
            try
            {
                await posted.SaveAsync(
                    new PostedMessage
                    {
                        CandidateId = interview.Candidate.Id,
                        InterviewId = interview.Id,
                        Kind = kind,
                        Conversation = message.Conversation,
                        MessageId = message.MessageId,
                        Part = part,
                        PostedAt = now,
                    },
                    cancellationToken);
            }
            catch (StorageUnavailableException e)
            {
                // Already posted: failing now would post it again on the job's retry. Say where it is instead.
                ComplianceLog.PostedMessageNotRecorded(logger, kind, interview.Id, message.Conversation.ChannelId, message.Conversation.ConversationId, message.MessageId, e);
            }
        }
    }
}
