namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Sends a turn's replies through the Bot Connector. In a Teams channel a reply to a message goes into its thread
/// (reply-to-activity); everywhere else it is sent to the conversation. The inbound conversation account is echoed
/// back as received, unknown fields included.
/// </summary>
internal sealed class ConnectorTurnOutput(Activity inbound, ConnectorClient connector) : ITurnOutput
{
    public bool SupportsTyping => true;

    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var serviceUrl = inbound.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl to reply to.");
        var conversationId = inbound.Conversation!.Id!;
        var reply = BufferedTurnOutput.Address(activity, inbound);
        if (inbound.Conversation.IsChannel && inbound.Type == ActivityType.Message && inbound.Id is { Length: > 0 } id && activity.Type != ActivityType.Typing)
        {
            await connector.ReplyToActivityAsync(serviceUrl, conversationId, id, reply, cancellationToken);
        }
        else
        {
            await connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken);
        }
    }
}
