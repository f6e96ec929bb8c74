using System.Text.Json.Nodes;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// How a recruiter command in Teams reaches the candidate: creates the 1:1 chat with the mentioned user in the
/// command's tenant (<c>POST v3/conversations</c>, teams.md §3) and sends into it. Connector refusals become
/// recruiter-readable reasons. The same works for Slack through Azure Bot Service and for the local playground, whose
/// serviceUrl is the bot's own connector stand-in (bot/Playground).
/// </summary>
internal sealed class TeamsCandidateChannel(ConnectorClient connector, BotFrameworkConversationChannel conversations) : ICandidateChannel
{
    public async Task<CandidateConversation> OpenConversationAsync(Mention candidate, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        var source = context.Source;
        if (candidate.Id is null)
        {
            return CandidateConversation.Failed("pick them from the mention list so the message carries their Teams account.");
        }

        var slack = ReplyActivities.UsesBlockKit(source.ChannelId);
        var teams = source.ChannelId == "msteams";
        if ((!teams && !slack && source.ChannelId != Playground.PlaygroundChannel.Id) || source.ServiceUrl is null)
        {
            return CandidateConversation.Failed($"private chats can only be opened from Teams, Slack or the local playground (this command came from '{source.ChannelId}').");
        }

        if (teams && string.IsNullOrWhiteSpace(source.TenantId))
        {
            return CandidateConversation.Failed("the message carried no Teams tenant id.");
        }

        // Azure Bot Service's Slack channel names users U…:T… (user and workspace); a <@U…> mention has only the user part,
        // so the workspace comes from the recruiter's own id. Whether ABS opens Slack DMs this way is not verified here.
        var memberId = slack && !candidate.Id.Contains(':', StringComparison.Ordinal) && context.Recruiter.Id.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
            ? candidate.Id + context.Recruiter.Id[colon..]
            : candidate.Id;
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = source.BotId is null ? null : new ChannelAccount { Id = source.BotId },
            Members = [new ChannelAccount { Id = memberId }],
            TenantId = teams ? source.TenantId : null,
            ChannelData = teams ? new JsonObject { ["tenant"] = new JsonObject { ["id"] = source.TenantId } } : null,
        };
        try
        {
            var created = await connector.CreateConversationAsync(source.ServiceUrl, parameters, cancellationToken);
            if (created?.Id is not { Length: > 0 } conversationId)
            {
                return CandidateConversation.Failed("the channel did not return a conversation id.");
            }

            var address = new ConversationAddress
            {
                ChannelId = source.ChannelId,
                ConversationId = conversationId,
                ServiceUrl = source.ServiceUrl,
                TenantId = source.TenantId,
                BotId = source.BotId,
                ViaBotFramework = true,
            };
            return CandidateConversation.Opened(address, new Participant(memberId, candidate.Display, candidate.AadObjectId));
        }
        catch (ConnectorException e)
        {
            return CandidateConversation.Failed(e.RecruiterReason + ".");
        }
        catch (UntrustedServiceUrlException e)
        {
            return CandidateConversation.Failed(e.Message);
        }
    }

    public async Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        try
        {
            await conversations.SendAsync(address, replies, cancellationToken);
        }
        catch (ConnectorException e)
        {
            throw new ChannelDeliveryException(e.RecruiterReason, e);
        }
        catch (UntrustedServiceUrlException e)
        {
            throw new ChannelDeliveryException(e.Message, e);
        }
    }
}
