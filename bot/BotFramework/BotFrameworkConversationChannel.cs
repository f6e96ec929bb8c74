using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Reaches conversations that arrived through the Bot Framework (Teams, Web Chat, Direct Line, Emulator) proactively,
/// through the Bot Connector: replies in order, and scorecards. In a Teams channel the scorecard starts a new thread
/// (<c>POST v3/conversations</c> with <c>channelData.channel.id</c>, teams.md §4); elsewhere it is sent into the conversation.
/// </summary>
internal sealed class BotFrameworkConversationChannel(ConnectorClient connector, TrustedServiceUrls trusted, ILogger<BotFrameworkConversationChannel> logger) : IConversationChannel
{
    public bool Handles(ConversationAddress address) => address?.ViaBotFramework == true;

    public async Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(replies);
        var serviceUrl = ServiceUrlOf(address);
        foreach (var reply in replies)
        {
            await connector.SendToConversationAsync(serviceUrl, ActivityMapper.ConversationIdOf(address), Addressed(ReplyActivities.FromReply(reply, address.ChannelId), address), cancellationToken);
        }
    }

    public async Task<string?> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(scorecard);
        var serviceUrl = ServiceUrlOf(address);
        var activities = ReplyActivities.Scorecard(address.ChannelId, scorecard).Select(a => Addressed(a, address)).ToArray();
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
