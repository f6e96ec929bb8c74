using ScreeningBot.Bot.Commands;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Slack;

/// <summary>Reaches a mentioned candidate on Slack: <c>users.info</c> for who they are, <c>conversations.open</c> for the DM.</summary>
internal sealed class SlackCandidateChannel(SlackWebApiClient slack, SlackConversationChannel conversations) : ICandidateChannel
{
    public async Task<CandidateConversation> OpenConversationAsync(Mention candidate, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Id is not { Length: > 0 } userId)
        {
            return CandidateConversation.Failed("pick them from the mention list so Slack sends their user id.");
        }

        try
        {
            var user = await slack.GetUserAsync(userId, cancellationToken);
            if (user.IsBot)
            {
                return CandidateConversation.Failed("that is a bot account, and bots can't be screened.");
            }

            if (user.Deleted)
            {
                return CandidateConversation.Failed("their Slack account is deactivated.");
            }

            var dm = await slack.OpenDirectMessageAsync(userId, cancellationToken);
            var name = user.DisplayName is { Length: > 0 } display ? display : candidate.Display;
            return CandidateConversation.Opened(
                new ConversationAddress { ChannelId = SlackConversationChannel.ChannelId, ConversationId = dm },
                new Participant(userId, name));
        }
        catch (SlackApiException e)
        {
            return CandidateConversation.Failed(SlackDeliveryErrors.Describe(e) + ".");
        }
    }

    public Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken) =>
        conversations.SendAsync(address, replies, cancellationToken);
}
