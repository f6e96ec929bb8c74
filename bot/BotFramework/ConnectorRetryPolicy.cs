using System.Net;
using Polly;
using Polly.Timeout;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Which failed connector calls are retried (docs/channels.md). Throttling (429, honouring Retry-After), 503 and 412 mean
/// the message was not taken, so every call is retried. POSTs that create activities are not idempotent: after a 502,
/// 504, a timeout or a broken connection the message may have been delivered, so only reads, updates and deletes are
/// retried then. A connection that was never established is safe to retry for any call.
/// </summary>
internal static class ConnectorRetryPolicy
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        var idempotent = request is not null && request.Method != HttpMethod.Post;
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.PreconditionFailed => true,
                HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => idempotent,
                _ => false,
            };
        }

        return outcome.Exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            HttpRequestException or TimeoutRejectedException => idempotent,
            _ => false,
        };
    }
}
