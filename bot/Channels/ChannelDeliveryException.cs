namespace ScreeningBot.Bot.Channels;

/// <summary>A channel (Teams connector, Slack Web API) refused to deliver a message; the message says why in words a recruiter understands.</summary>
internal sealed class ChannelDeliveryException : Exception
{
    public ChannelDeliveryException(string message)
        : base(message)
    {
    }

    public ChannelDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
