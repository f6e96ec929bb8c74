using System.Net;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>The Bot Connector refused a call: the HTTP status, its error code (e.g. <c>BotNotInConversationRoster</c>) and correlation id.</summary>
internal sealed class ConnectorException : Exception
{
    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string operation, string? correlationId)
        : base($"The Bot Connector answered {(int)statusCode} {errorCode ?? statusCode.ToString()} to {operation}.")
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        CorrelationId = correlationId;
    }

    public HttpStatusCode StatusCode { get; }

    public string? ErrorCode { get; }

    public string? CorrelationId { get; }

    /// <summary>What a recruiter should read when a message could not be delivered (403/404 from Teams have well-known causes).</summary>
    public string RecruiterReason => (StatusCode, ErrorCode) switch
    {
        (HttpStatusCode.Forbidden, "ConversationBlockedByUser") => "they have blocked the bot",
        (HttpStatusCode.Forbidden, "BotDisabledByAdmin") => "a Teams admin has blocked the bot",
        (HttpStatusCode.Forbidden, _) => "Teams refused (the app is probably not installed for them or in their team; install it and try again)",
        (HttpStatusCode.NotFound, _) => "Teams does not know that conversation or person any more",
        (HttpStatusCode.BadRequest, _) => "Teams rejected the request (check that they are in this tenant)",
        _ => $"Teams answered {(int)StatusCode}",
    };
}
