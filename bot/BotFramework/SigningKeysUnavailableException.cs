namespace ScreeningBot.Bot.BotFramework;

/// <summary>The OpenID metadata (or its key set) could not be fetched, so a token that needs keys cannot be checked now: HTTP 503, not 401.</summary>
internal sealed class SigningKeysUnavailableException : Exception
{
    public SigningKeysUnavailableException()
    {
    }

    public SigningKeysUnavailableException(string message)
        : base(message)
    {
    }

    public SigningKeysUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
