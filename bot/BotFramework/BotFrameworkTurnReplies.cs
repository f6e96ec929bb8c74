using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Answers one inbound activity: through the Bot Connector (normal delivery), or, for <c>expectReplies</c>, into
/// <see cref="Activities"/> for the HTTP response. Replies are addressed to the sender in the activity's conversation, the
/// inbound conversation account echoed back as received, unknown fields included. In a Teams channel a reply to a message
/// goes into its thread (reply-to-activity); everywhere else it is sent to the conversation. One turn; not thread-safe.
/// </summary>
internal sealed class BotFrameworkTurnReplies : ITurnReplies
{
    private readonly Activity _inbound;
    private readonly ConnectorClient? _connector;
    private readonly List<Activity> _buffered = [];

    private BotFrameworkTurnReplies(Activity inbound, ConnectorClient? connector)
    {
        _inbound = inbound;
        _connector = connector;
    }

    /// <summary>Replies that go through the connector as they are sent.</summary>
    public static BotFrameworkTurnReplies ThroughConnector(Activity inbound, ConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(connector);
        return new(inbound, connector);
    }

    /// <summary>Replies collected for the response body of an <c>expectReplies</c> request.</summary>
    public static BotFrameworkTurnReplies Buffering(Activity inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return new(inbound, null);
    }

    public bool Buffered => _connector is null;

    public bool SupportsTyping => !Buffered;

    /// <summary>The replies collected so far (buffering only).</summary>
    public IReadOnlyList<Activity> Activities => _buffered;

    public Task SendTypingAsync(CancellationToken cancellationToken) => DeliverAsync([ReplyActivities.Typing()], cancellationToken);

    public Task SendAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        // A plain loop: it runs on every turn, without an iterator and a closure each time.
        var activities = new Activity[replies.Count];
        for (var i = 0; i < activities.Length; i++)
        {
            activities[i] = ReplyActivities.FromReply(replies[i], _inbound.ChannelId);
        }

        return DeliverAsync(activities, cancellationToken);
    }

    public Task SendAsync(CommandResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return DeliverAsync(ReplyActivities.FromCommandResponse(_inbound.ChannelId ?? string.Empty, response.Marked, response.Scorecard), cancellationToken);
    }

    /// <summary>The Bot Framework has no message for one person in a shared conversation, and a 1:1 chat has only them: an ordinary reply.</summary>
    public Task SendNoticeAsync(string text, CancellationToken cancellationToken) => SendAsync([Reply.Message(text)], cancellationToken);

    /// <summary>Teams shows the clicked choice as the candidate's message (the card's <c>messageBack</c>); nothing to change.</summary>
    public Task MarkAnsweredAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeliverAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            var reply = activity with
            {
                ChannelId = _inbound.ChannelId,
                ServiceUrl = _inbound.ServiceUrl,
                From = _inbound.Recipient,
                Recipient = _inbound.From,
                Conversation = _inbound.Conversation,
                ReplyToId = _inbound.Id,
                Locale = activity.Locale ?? _inbound.Locale,
            };
            if (_connector is null)
            {
                _buffered.Add(reply);
                continue;
            }

            try
            {
                await SendAsync(_connector, reply, cancellationToken);
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

    private async Task SendAsync(ConnectorClient connector, Activity reply, CancellationToken cancellationToken)
    {
        var serviceUrl = _inbound.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl to reply to.");
        var conversationId = _inbound.Conversation!.Id!;
        if (_inbound.Conversation.IsChannel && _inbound.Type == ActivityType.Message && _inbound.Id is { Length: > 0 } id && reply.Type != ActivityType.Typing)
        {
            await connector.ReplyToActivityAsync(serviceUrl, conversationId, id, reply, cancellationToken);
        }
        else
        {
            await connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken);
        }
    }
}
