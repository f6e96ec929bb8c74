using System.Text.Json.Nodes;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Answers one Slack request, its way: a message or click in a DM is answered with messages in the DM; a slash command
/// through its <c>response_url</c>, visible to the recruiter only (or as an ephemeral message in the channel if that URL no
/// longer works); usage help straight in the HTTP answer (<see cref="Buffered"/>). A note for the sender alone is ephemeral;
/// a taken click turns the prompt's buttons into the chosen answer. One request; not thread-safe.
/// </summary>
internal sealed class SlackTurnReplies(
    SlackWebApiClient slack,
    SlackConversationChannel conversations,
    ILogger logger,
    SlackReplyRoute route,
    string channelId,
    string userId) : ITurnReplies
{
    private readonly List<SlackMessage> _buffered = [];

    /// <summary>The request's <c>response_url</c>: where a slash command is answered, and a click's notes go.</summary>
    public Uri? ResponseUrl { get; init; }

    /// <summary>The click this turn answers, so <see cref="MarkAnsweredAsync"/> can update its prompt.</summary>
    public SlackClick? Click { get; init; }

    public bool Buffered => route == SlackReplyRoute.HttpResponse;

    /// <summary>Slack's Web API has no typing indicator for bots.</summary>
    public bool SupportsTyping => false;

    /// <summary>What a buffered turn answered, in order (the first goes into the HTTP response).</summary>
    public IReadOnlyList<SlackMessage> Messages => _buffered;

    private bool ToRequester => route != SlackReplyRoute.Conversation;

    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SendAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (ToRequester)
        {
            await AnswerRequesterAsync(replies.Select(BlockKitRenderer.RenderReply), cancellationToken);
            return;
        }

        await conversations.SendAsync(SlackConversationChannel.AddressOf(channelId), replies, cancellationToken);
    }

    public async Task SendAsync(CommandResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var messages = new List<SlackMessage> { BlockKitRenderer.RenderText(response.Marked) };
        if (response.FeedbackConfirmation is { } confirmation && messages[0].Blocks.Count < BlockKitLimits.BlocksPerMessage)
        {
            messages[0].Blocks.Add(DecisionPanel.SlackFeedbackBlock(confirmation));
        }

        if (response.Scorecard is { } scorecard)
        {
            messages.AddRange(BlockKitRenderer.RenderScorecard(scorecard));
        }

        if (ToRequester)
        {
            await AnswerRequesterAsync(messages, cancellationToken);
            return;
        }

        foreach (var message in messages)
        {
            await PostAsync(message, cancellationToken);
        }
    }

    public async Task SendNoticeAsync(string text, CancellationToken cancellationToken)
    {
        var message = BlockKitRenderer.RenderText(text);
        if (ToRequester)
        {
            await AnswerRequesterAsync([message], cancellationToken);
        }
        else if (ResponseUrl is not null)
        {
            var body = message.ToJson();
            body["response_type"] = "ephemeral";
            body["replace_original"] = false;
            await RespondQuietlyAsync(ResponseUrl, body, cancellationToken);
        }
        else
        {
            await EphemeralQuietlyAsync(message, cancellationToken);
        }
    }

    /// <summary>Replaces the clicked prompt's buttons with what was chosen, so it reads like a chat and cannot be answered twice.</summary>
    public async Task MarkAnsweredAsync(CancellationToken cancellationToken)
    {
        if (Click is not { } click)
        {
            return;
        }

        var blocks = BlockKitRenderer.AnsweredBlocks(click.Message?.Blocks, click.Chosen);
        var text = click.Message?.Text is { Length: > 0 } original ? original : "Answered: " + SlackMrkdwn.Escape(click.Chosen);
        try
        {
            await slack.UpdateMessageAsync(channelId, click.MessageTs, new SlackMessage(text, blocks), cancellationToken);
        }
        catch (SlackApiException)
        {
            // Logged by the client; the answer itself was taken, the old buttons just stay visible.
        }
    }

    /// <summary>Through the command's response_url (ephemeral); if that no longer works, as an ephemeral message in the channel.</summary>
    private async Task AnswerRequesterAsync(IEnumerable<SlackMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (Buffered)
            {
                _buffered.Add(message);
                continue;
            }

            var body = (message with { ThreadTs = null }).ToJson();
            body["response_type"] = "ephemeral";
            try
            {
                await slack.RespondAsync(ResponseUrl!, body, cancellationToken);
                continue;
            }
            catch (SlackApiException e)
            {
                SlackLog.CommandAnswerUndelivered(logger, channelId, $"response_url: {e.ErrorCode}");
            }

            await EphemeralQuietlyAsync(message, cancellationToken);
        }
    }

    private async Task EphemeralQuietlyAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await slack.PostEphemeralAsync(channelId, userId, message with { ThreadTs = null }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            SlackLog.CommandAnswerUndelivered(logger, channelId, $"chat.postEphemeral: {e.ErrorCode}");
        }
    }

    private async Task RespondQuietlyAsync(Uri responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            await slack.RespondAsync(responseUrl, body, cancellationToken);
        }
        catch (SlackApiException)
        {
            // Logged by the client; a note the sender misses does no harm.
        }
    }

    private async Task PostAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await slack.PostMessageAsync(channelId, message, cancellationToken);
        }
        catch (SlackApiException e)
        {
            throw new ChannelDeliveryException(SlackDeliveryErrors.Describe(e), e);
        }
    }
}
