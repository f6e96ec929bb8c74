using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Slack through its own Web API (not Azure Bot Service): opens a candidate's DM (<c>users.info</c> for who they are,
/// <c>conversations.open</c> for the DM), replies to candidates as Block Kit with buttons for choices, posts scorecards and
/// "not screened" notices to hiring channels, and deletes them on erasure (<c>chat.delete</c>). A scorecard too long for one
/// message continues in the thread of the first.
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
            return CandidateConversation.Opened(AddressOf(dm), new Participant(candidate.Id, name)) with { TimeZone = user.Tz };
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

    public async Task<IReadOnlyList<ChannelMessage>> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(scorecard);
        var posted = new List<ChannelMessage>();
        foreach (var message in DecisionPanel.SlackMessages(scorecard, Dialogs.Decisions.DecisionHistory.Empty))
        {
            var ts = await PostAsync(address.ConversationId, message with { ThreadTs = posted.FirstOrDefault()?.MessageId ?? address.ThreadId }, cancellationToken);
            if (ts is not null)
            {
                posted.Add(new ChannelMessage(address, ts));
            }
        }

        return posted;
    }

    public async Task<IReadOnlyList<ChannelMessage>> PostNoticeAsync(ConversationAddress address, ScreeningNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(notice);
        var ts = await PostAsync(address.ConversationId, BlockKitRenderer.RenderNotScored(NotScoredOutcome.From(notice)) with { ThreadTs = address.ThreadId }, cancellationToken);
        return ts is null ? [] : [new ChannelMessage(address, ts)];
    }

    /// <summary><c>chat.delete</c>; a message Slack will not let the bot delete is overwritten with <c>chat.update</c>.</summary>
    public async Task<ChannelRemoval> RemoveMessageAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = message.Conversation.ConversationId;
        try
        {
            await slack.DeleteMessageAsync(channel, message.MessageId, cancellationToken);
            return ChannelRemoval.Deleted;
        }
        catch (SlackApiException e) when (e.ErrorCode.Value is "message_not_found" or "channel_not_found")
        {
            return ChannelRemoval.AlreadyGone;
        }
        catch (SlackApiException e) when (e.ErrorCode.Value == "cant_delete_message")
        {
            try
            {
                await slack.UpdateMessageAsync(channel, message.MessageId, BlockKitRenderer.RenderText(ChannelRemovalText.Tombstone), cancellationToken);
                return ChannelRemoval.Replaced;
            }
            catch (SlackApiException again)
            {
                return ChannelRemoval.Failed(SlackDeliveryErrors.Describe(again));
            }
        }
        catch (SlackApiException e)
        {
            return ChannelRemoval.Failed(SlackDeliveryErrors.Describe(e));
        }
    }

    /// <summary>
    /// <c>chat.update</c> of the scorecard's main message with its decisions; continuations stay as they are. The feedback
    /// preview is not on the shared message: the deciding recruiter alone gets it with its button (SlackTurnReplies).
    /// </summary>
    public async Task UpdateScorecardAsync(ConversationAddress address, string messageId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, Decisions.FeedbackOnCard? feedback, CancellationToken cancellationToken)
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
