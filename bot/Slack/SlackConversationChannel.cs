using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Slack through its own Web API (not Azure Bot Service): opens a candidate's DM (<c>users.info</c> for who they are,
/// <c>conversations.open</c> for the DM), replies to candidates as Block Kit with buttons for choices, and posts scorecards to
/// hiring channels. A scorecard too long for one message continues in the thread of the first.
/// </summary>
internal sealed class SlackConversationChannel(SlackWebApiClient slack) : IConversationChannel
{
    public const string ChannelId = "slack";

    /// <summary>The address of a Slack conversation (a DM <c>D…</c> or a channel <c>C…</c>).</summary>
    public static ConversationAddress AddressOf(string conversationId) => new() { ChannelId = ChannelId, ConversationId = conversationId };

    public bool Handles(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ChannelId == ChannelId && !address.ViaBotFramework;
    }

    public async Task<CandidateConversation> OpenConversationAsync(Participant candidate, ConversationAddress source, Participant recruiter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        try
        {
            var user = await slack.GetUserAsync(candidate.Id, cancellationToken);
            if (user.IsBot)
            {
                return CandidateConversation.Failed("that is a bot account, and bots can't be screened.");
            }

            if (user.Deleted)
            {
                return CandidateConversation.Failed("their Slack account is deactivated.");
            }

            var dm = await slack.OpenDirectMessageAsync(candidate.Id, cancellationToken);
            var name = user.DisplayName is { Length: > 0 } display ? display : candidate.Name;
            return CandidateConversation.Opened(AddressOf(dm), new Participant(candidate.Id, name));
        }
        catch (SlackApiException e)
        {
            return CandidateConversation.Failed(SlackDeliveryErrors.Describe(e) + ".");
        }
    }

    public async Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies)
        {
            var message = BlockKitRenderer.RenderReply(reply) with { ThreadTs = address.ThreadId };
            await PostAsync(address.ConversationId, message, cancellationToken);
        }
    }

    public async Task<string?> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(scorecard);
        string? first = null;
        foreach (var message in DecisionPanel.SlackMessages(scorecard, Dialogs.Decisions.DecisionHistory.Empty))
        {
            var posted = await PostAsync(address.ConversationId, message with { ThreadTs = first ?? address.ThreadId }, cancellationToken);
            first ??= posted;
        }

        return first;
    }

    /// <summary><c>chat.update</c> of the scorecard's main message with its decisions; continuations stay as they are.</summary>
    public async Task UpdateScorecardAsync(ConversationAddress address, string messageId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        try
        {
            await slack.UpdateMessageAsync(address.ConversationId, messageId, DecisionPanel.SlackMessages(scorecard, decisions)[0], cancellationToken);
        }
        catch (SlackApiException e)
        {
            throw new ChannelDeliveryException(SlackDeliveryErrors.Describe(e), e);
        }
    }

    private async Task<string?> PostAsync(string channel, SlackMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return (await slack.PostMessageAsync(channel, message, cancellationToken)).Ts;
        }
        catch (SlackApiException e)
        {
            throw new ChannelDeliveryException(SlackDeliveryErrors.Describe(e), e);
        }
    }
}
