using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Reaches conversations that arrived through the Bot Framework (Teams, Web Chat, Direct Line, Emulator, Slack through Azure
/// Bot Service, the local playground) on the bot's own initiative, through the Bot Connector: opens a candidate's 1:1 chat
/// (<c>POST v3/conversations</c>), sends replies in order, posts scorecards and "not screened" notices, and removes them again
/// on erasure (<c>DELETE</c>, or <c>PUT</c> a tombstone where a channel does not delete). In a Teams channel a scorecard
/// starts a new thread (<c>channelData.channel.id</c>, docs/channels.md); elsewhere it is sent into the conversation.
/// Connector refusals become <see cref="ChannelDeliveryException"/>s worded for a recruiter.
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

    public Task<IReadOnlyList<ChannelMessage>> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(scorecard);
        return PostAsync(address, ReplyActivities.Scorecard(address.ChannelId, scorecard, Dialogs.Decisions.DecisionHistory.Empty), cancellationToken);
    }

    public Task<IReadOnlyList<ChannelMessage>> PostNoticeAsync(ConversationAddress address, ScreeningNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(notice);
        return PostAsync(address, [ReplyActivities.Notice(address.ChannelId, notice)], cancellationToken);
    }

    /// <summary>
    /// <c>DELETE</c> the activity; where the channel does not delete (Web Chat, Direct Line answer 405 or 400), overwrite it
    /// with the tombstone through <c>PUT</c>. A 404 means it is gone already.
    /// </summary>
    public async Task<ChannelRemoval> RemoveMessageAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = message.Conversation;
        try
        {
            var serviceUrl = ServiceUrlOf(address);
            try
            {
                await connector.DeleteActivityAsync(serviceUrl, address.ConversationId, message.MessageId, cancellationToken);
                return ChannelRemoval.Deleted;
            }
            catch (ConnectorException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return ChannelRemoval.AlreadyGone;
            }
            catch (ConnectorException e) when (e.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest or HttpStatusCode.NotImplemented)
            {
                await connector.UpdateActivityAsync(serviceUrl, address.ConversationId, message.MessageId, Addressed(ReplyActivities.Tombstone(), address) with { Id = message.MessageId }, cancellationToken);
                return ChannelRemoval.Replaced;
            }
        }
        catch (ConnectorException e)
        {
            return ChannelRemoval.Failed(e.RecruiterReason);
        }
        catch (UntrustedServiceUrlException e)
        {
            return ChannelRemoval.Failed(e.Message);
        }
        catch (HttpRequestException e)
        {
            return ChannelRemoval.Failed($"the Bot Connector could not be reached ({e.Message})");
        }
    }

    /// <summary>
    /// Posts activities to a hiring conversation: in a Teams channel as a new thread (the first activity starts it, the rest
    /// follow in it), elsewhere into the conversation. Returns every posted message, with the conversation it is in.
    /// </summary>
    private async Task<IReadOnlyList<ChannelMessage>> PostAsync(ConversationAddress address, IReadOnlyList<Activity> unaddressed, CancellationToken cancellationToken)
    {
        var serviceUrl = ServiceUrlOf(address);
        var activities = unaddressed.Select(a => Addressed(a, address)).ToArray();
        var posted = new List<ChannelMessage>(activities.Length);
        var target = address;
        var rest = activities.AsEnumerable();
        if (IsTeamsChannel(address))
        {
            try
            {
                var created = await connector.CreateConversationAsync(serviceUrl, NewChannelThread(address, activities[0] with { Conversation = null }), cancellationToken);
                var activityId = created?.ActivityId ?? ThreadRootOf(created?.Id);
                if (created?.Id is { Length: > 0 } threadId)
                {
                    target = address with { ConversationId = threadId };
                }

                if (activityId is not null)
                {
                    posted.Add(new ChannelMessage(target, activityId));
                }

                rest = activities.Skip(1);
            }
            catch (ConnectorException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                // Not a channel after all (e.g. a group chat id): post into the conversation instead.
            }
        }

        foreach (var activity in rest)
        {
            // A long Block Kit scorecard (Slack through Azure Bot Service) continues in follow-up messages.
            var addressed = ReferenceEquals(target, address) ? activity : activity with { Conversation = new ConversationAccount { Id = target.ConversationId, TenantId = target.TenantId } };
            var id = (await connector.SendToConversationAsync(serviceUrl, target.ConversationId, addressed, cancellationToken))?.Id;
            if (id is { Length: > 0 })
            {
                posted.Add(new ChannelMessage(target, id));
            }
        }

        BotFrameworkLog.ScorecardPosted(logger, address.ChannelId, address.ConversationId, posted.FirstOrDefault()?.MessageId);
        return posted;
    }

    /// <summary>
    /// <c>PUT v3/conversations/{id}/activities/{messageId}</c> with the scorecard and its decisions: the card changes for
    /// everyone who sees it (docs/channels.md). In a Teams channel the card is the root of its thread, addressed by the
    /// channel's conversation id.
    /// </summary>
    public async Task UpdateScorecardAsync(ConversationAddress address, string messageId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, Decisions.FeedbackOnCard? feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(decisions);
        var activity = Addressed(ReplyActivities.Scorecard(address.ChannelId, scorecard, decisions, feedback)[0], address) with { Id = messageId };
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

    /// <summary>A Teams channel thread's conversation id ends in <c>;messageid=&lt;root activity id&gt;</c>.</summary>
    private static string? ThreadRootOf(string? threadId) =>
        threadId?.IndexOf(";messageid=", StringComparison.Ordinal) is int at and >= 0 ? threadId[(at + ";messageid=".Length)..] : null;

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
