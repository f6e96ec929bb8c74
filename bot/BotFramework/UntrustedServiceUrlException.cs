namespace ScreeningBot.Bot.BotFramework;

/// <summary>A call to a serviceUrl that never arrived on an authenticated activity was refused before anything was sent.</summary>
internal sealed class UntrustedServiceUrlException : Exception
{
    public UntrustedServiceUrlException()
    {
    }

    public UntrustedServiceUrlException(string message)
        : base(message)
    {
    }

    public UntrustedServiceUrlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
