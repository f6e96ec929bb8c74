using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Reaches conversations that arrived through the Bot Framework (Teams, Web Chat, Direct Line, Emulator, Slack through Azure
/// Bot Service, the local playground) on the bot's own initiative, through the Bot Connector: opens a candidate's 1:1 chat
/// (<c>POST v3/conversations</c>), sends replies in order, and posts scorecards. In a Teams channel the scorecard starts a new
/// thread (<c>channelData.channel.id</c>, docs/channels.md); elsewhere it is sent into the conversation. Connector refusals
/// become <see cref="ChannelDeliveryException"/>s worded for a recruiter.
/// </summary>
internal sealed class BotFrameworkConversationChannel(ConnectorClient connector, TrustedServiceUrls trusted, ILogger<BotFrameworkConversationChannel> logger) : IConversationChannel
{
    private const string Teams = "msteams";
    private const string Slack = "slack";

    /// <summary>Channels whose connector opens 1:1 chats on request: Teams, Slack through Azure Bot Service, and the local playground's stand-in (bot/Playground).</summary>
    private static readonly string[] ChannelsThatOpenChats = [Teams, Slack, "playground"];

    public bool Handles(ConversationAddress address) => address?.ViaBotFramework == true;

    public async Task<CandidateConversation> OpenConversationAsync(Participant candidate, ConversationAddress source, Participant recruiter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recruiter);
        var teams = source.ChannelId == Teams;
        if (!ChannelsThatOpenChats.Contains(source.ChannelId, StringComparer.Ordinal) || source.ServiceUrl is null)
        {
            return CandidateConversation.Failed($"private chats can only be opened from Teams, Slack or the local playground (this command came from '{source.ChannelId}').");
        }

        if (teams && string.IsNullOrWhiteSpace(source.TenantId))
        {
            return CandidateConversation.Failed("the message carried no Teams tenant id.");
        }

        // Azure Bot Service's Slack channel names users U…:T… (user and workspace); a <@U…> mention has only the user part,
        // so the workspace comes from the recruiter's own id. Whether ABS opens Slack DMs this way is not verified here.
        var memberId = source.ChannelId == Slack && !candidate.Id.Contains(':', StringComparison.Ordinal) && recruiter.Id.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
            ? candidate.Id + recruiter.Id[colon..]
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
            return CandidateConversation.Opened(address, candidate with { Id = memberId });
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
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(replies);
        try
        {
            var serviceUrl = ServiceUrlOf(address);
            foreach (var reply in replies)
            {
                await connector.SendToConversationAsync(serviceUrl, ActivityMapper.ConversationIdOf(address), Addressed(ReplyActivities.FromReply(reply, address.ChannelId), address), cancellationToken);
            }
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

    public async Task<string?> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(scorecard);
        var serviceUrl = ServiceUrlOf(address);
        var activities = ReplyActivities.Scorecard(address.ChannelId, scorecard, Dialogs.Decisions.DecisionHistory.Empty).Select(a => Addressed(a, address)).ToArray();
        var activity = activities[0];

        string? id;
        if (IsTeamsChannel(address))
        {
            try
            {
                var created = await connector.CreateConversationAsync(serviceUrl, NewChannelThread(address, activity with { Conversation = null }), cancellationToken);
                id = created?.ActivityId ?? created?.Id;
                BotFrameworkLog.ScorecardPosted(logger, address.ChannelId, address.ConversationId, id);
                return id;
            }
            catch (ConnectorException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                // Not a channel after all (e.g. a group chat id): post into the conversation instead.
            }
        }

        id = (await connector.SendToConversationAsync(serviceUrl, address.ConversationId, activity, cancellationToken))?.Id;
        foreach (var continuation in activities.Skip(1))
        {
            // A long Block Kit scorecard (Slack through Azure Bot Service) continues in follow-up messages.
            await connector.SendToConversationAsync(serviceUrl, address.ConversationId, continuation, cancellationToken);
        }

        BotFrameworkLog.ScorecardPosted(logger, address.ChannelId, address.ConversationId, id);
        return id;
    }

    /// <summary>
    /// <c>PUT v3/conversations/{id}/activities/{messageId}</c> with the scorecard and its decisions: the card changes for
    /// everyone who sees it (docs/channels.md). In a Teams channel the card is the root of its thread, addressed by the
    /// channel's conversation id.
    /// </summary>
    public async Task UpdateScorecardAsync(ConversationAddress address, string messageId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(decisions);
        var activity = Addressed(ReplyActivities.Scorecard(address.ChannelId, scorecard, decisions)[0], address) with { Id = messageId };
        try
        {
            await connector.UpdateActivityAsync(ServiceUrlOf(address), ActivityMapper.ConversationIdOf(address), messageId, activity, cancellationToken);
        }
        catch (ConnectorException e)
        {
            throw new ChannelDeliveryException($"the card could not be updated ({e.Message})", e);
        }
        catch (UntrustedServiceUrlException e)
        {
            throw new ChannelDeliveryException(e.Message, e);
        }
    }

    /// <summary>Teams channel ids are <c>19:…@thread.tacv2</c> or <c>@thread.skype</c>; 1:1 chats (<c>a:…</c>, <c>…@unq.gbl.spaces</c>) and group chats (<c>@thread.v2</c>) are not.</summary>
    private static bool IsTeamsChannel(ConversationAddress address) =>
        address.ChannelId == "msteams"
        && address.ConversationId.StartsWith("19:", StringComparison.Ordinal)
        && !address.ConversationId.EndsWith("@unq.gbl.spaces", StringComparison.OrdinalIgnoreCase)
        && !address.ConversationId.EndsWith("@thread.v2", StringComparison.OrdinalIgnoreCase);

    private static ConversationParameters NewChannelThread(ConversationAddress address, Activity activity) => new()
    {
        IsGroup = true,
        Bot = address.BotId is null ? null : new ChannelAccount { Id = address.BotId },
        TenantId = address.TenantId,
        Activity = activity,
        ChannelData = new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = address.ConversationId },
            ["tenant"] = address.TenantId is null ? null : new JsonObject { ["id"] = address.TenantId },
        },
    };

    private static Activity Addressed(Activity activity, ConversationAddress address) => activity with
    {
        ChannelId = address.ChannelId,
        From = address.BotId is null ? null : new ChannelAccount { Id = address.BotId },
        Conversation = new ConversationAccount { Id = ActivityMapper.ConversationIdOf(address), TenantId = address.TenantId },
    };

    /// <summary>A stored address was built from an authenticated activity, so its serviceUrl is trusted after a restart too.</summary>
    private string ServiceUrlOf(ConversationAddress address)
    {
        var serviceUrl = address.ServiceUrl ?? throw new InvalidOperationException($"The {address.ChannelId} conversation {address.ConversationId} has no serviceUrl; it cannot be reached through the Bot Connector.");
        trusted.Remember(serviceUrl);
        return serviceUrl;
    }
}
