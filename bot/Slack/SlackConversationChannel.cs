using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Slack through its own Web API (not Azure Bot Service): replies to candidates as Block Kit with buttons for choices,
/// and scorecards to hiring channels. A scorecard too long for one message continues in the thread of the first.
/// </summary>
internal sealed class SlackConversationChannel(SlackWebApiClient slack) : IConversationChannel
{
    public const string ChannelId = "slack";

    public bool Handles(ConversationAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ChannelId == ChannelId && !address.ViaBotFramework;
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
        foreach (var message in BlockKitRenderer.RenderScorecard(scorecard))
        {
            var posted = await PostAsync(address.ConversationId, message with { ThreadTs = first ?? address.ThreadId }, cancellationToken);
            first ??= posted;
        }

        return first;
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
