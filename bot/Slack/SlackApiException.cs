namespace ScreeningBot.Bot.Slack;

/// <summary>A Slack Web API call failed: Slack answered <c>ok: false</c> (its error code is kept), rate-limited us past our retries, or did not answer.</summary>
internal sealed class SlackApiException : Exception
{
    public SlackApiException()
        : this("Slack Web API call failed.")
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string method, SlackErrorCode errorCode, Exception? innerException = null)
        : base($"Slack {method} failed: {errorCode}.", innerException)
    {
        Method = method;
        ErrorCode = errorCode;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c> (<c>response_url</c> for delayed command answers).</summary>
    public string Method { get; } = string.Empty;

    public SlackErrorCode ErrorCode { get; }

    /// <summary>Slack's Retry-After when the final answer was a 429.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
