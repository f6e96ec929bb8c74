using ScreeningBot.Bot.Reports;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Channels;

/// <summary>
/// Delivers what the bot says on its own initiative (invitations, notices, scorecards) through the
/// <see cref="IConversationChannel"/> that handles the address, and removes what it posted when a candidate is erased.
/// What gets recorded and audited around a post is <c>bot/Compliance/HiringChannelPublisher.cs</c>'s business.
/// </summary>
internal sealed class ChannelRouter(IEnumerable<IConversationChannel> channels, ReportLinks links, ILogger<ChannelRouter> logger)
{
    private readonly IConversationChannel[] _channels = [.. channels];

    /// <summary>Opens the 1:1 conversation with <paramref name="candidate"/> in the channel the recruiter wrote from.</summary>
    public Task<CandidateConversation> OpenConversationAsync(Participant candidate, ConversationAddress source, Participant recruiter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Find(source) is { } channel
            ? channel.OpenConversationAsync(candidate, source, recruiter, cancellationToken)
            : Task.FromResult(CandidateConversation.Failed($"this bot cannot open private chats on '{source.ChannelId}'."));
    }

    public Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(replies);
        return replies.Count == 0 ? Task.CompletedTask : For(address).SendAsync(address, replies, cancellationToken);
    }

    /// <summary>
    /// Posts the scorecard, with a signed link to the full report when links are on, to the interview's hiring conversation;
    /// returns the posted messages (none when the interview has no hiring conversation, e.g. a rehearsal).
    /// </summary>
    public async Task<IReadOnlyList<ChannelMessage>> PostScorecardAsync(Interview interview, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(scorecard);
        if (interview.HiringConversation is not { } hiring)
        {
            BotLog.ScorecardNotPosted(logger, interview.Id);
            return [];
        }

        var linked = scorecard with { ReportUrl = links.Create(interview.Id) ?? scorecard.ReportUrl };
        return await For(hiring).PostScorecardAsync(hiring, linked, cancellationToken);
    }

    /// <summary>Refreshes a posted scorecard in place with its decisions, the candidate feedback for the current one, and a fresh report link.</summary>
    public Task UpdateScorecardAsync(ScorecardMessage message, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, Decisions.FeedbackOnCard? feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(scorecard);
        var linked = scorecard with { ReportUrl = links.Create(scorecard.InterviewId) ?? scorecard.ReportUrl };
        return For(message.Conversation).UpdateScorecardAsync(message.Conversation, message.MessageId, linked, decisions, feedback, cancellationToken);
    }

    /// <summary>Posts a "not screened" notice to the interview's hiring conversation; returns the posted messages (none without one).</summary>
    public async Task<IReadOnlyList<ChannelMessage>> PostNoticeAsync(Interview interview, ScreeningNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(notice);
        if (interview.HiringConversation is not { } hiring)
        {
            BotLog.ScorecardNotPosted(logger, interview.Id);
            return [];
        }

        return await For(hiring).PostNoticeAsync(hiring, notice, cancellationToken);
    }

    /// <summary>Removes a posted message through the channel that posted it; a channel that is no longer configured cannot, and says so.</summary>
    public Task<ChannelRemoval> RemoveMessageAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Find(message.Conversation) is { } channel
            ? channel.RemoveMessageAsync(message, cancellationToken)
            : Task.FromResult(ChannelRemoval.Failed($"no channel is configured that can reach '{message.Conversation.ChannelId}' conversations (configure it, then run forget again)"));
    }

    private IConversationChannel? Find(ConversationAddress address) => Array.Find(_channels, c => c.Handles(address));

    private IConversationChannel For(ConversationAddress address) =>
        Find(address)
        ?? throw new ChannelDeliveryException($"No channel is configured that can reach '{address.ChannelId}' conversations. Configure that channel (see README) or cancel the interview.");
}
