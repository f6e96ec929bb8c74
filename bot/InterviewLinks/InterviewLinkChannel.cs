using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Reaching a candidate who was sent an interview link (<see cref="ChannelId"/> conversations). The link's page is where
/// the candidate reads everything, and it reads it from the stored interview (bot/Turns/ConversationHistory.cs), so sending
/// here only wakes a page that is waiting for news (<see cref="InterviewLinkFeed"/>): after <c>cancel</c> it finds the
/// interview closed and says so. A link is never a hiring channel and never opens a chat.
/// </summary>
internal sealed class InterviewLinkChannel(InterviewLinkFeed feed) : IConversationChannel
{
    /// <summary>The channel id of interview-link conversations; their conversation id is the link id.</summary>
    public const string ChannelId = "link";

    public static ConversationAddress AddressOf(string linkId)
    {
        ArgumentException.ThrowIfNullOrEmpty(linkId);
        return new ConversationAddress { ChannelId = ChannelId, ConversationId = linkId };
    }

    public bool Handles(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ChannelId == ChannelId && !address.ViaBotFramework;
    }

    public Task<CandidateConversation> OpenConversationAsync(Participant candidate, ConversationAddress source, Participant recruiter, CancellationToken cancellationToken) =>
        Task.FromResult(CandidateConversation.Failed("an interview link is sent by email: use `screen jane@example.com profile-id` instead."));

    public Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        feed.Notify(address.Key);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChannelMessage>> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken) =>
        throw new ChannelDeliveryException("An interview link is the candidate's page, not a hiring channel; scorecards go to a Teams or Slack channel.");

    public Task UpdateScorecardAsync(ConversationAddress address, string messageId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, Decisions.FeedbackOnCard? feedback, CancellationToken cancellationToken) =>
        throw new ChannelDeliveryException("An interview link is the candidate's page, not a hiring channel; scorecards are updated in Teams or Slack.");

    public Task<IReadOnlyList<ChannelMessage>> PostNoticeAsync(ConversationAddress address, ScreeningNotice notice, CancellationToken cancellationToken) =>
        throw new ChannelDeliveryException("An interview link is the candidate's page, not a hiring channel; notices go to a Teams or Slack channel.");

    /// <summary>Nothing is ever posted through a link (the page reads the stored interview, which erasure deletes), so there is nothing to remove.</summary>
    public Task<ChannelRemoval> RemoveMessageAsync(ChannelMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelRemoval.AlreadyGone);
}
