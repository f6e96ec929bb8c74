using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ScreeningBot.Bot.Judging;

/// <summary>The outcome of <see cref="LlmCall.RunAsync{T}"/>: a validated value, or why there is none; tokens either way.</summary>
/// <param name="Failure">Null on success; otherwise a short reason (see the <see cref="LlmCall"/> constants) for reports.</param>
internal sealed record LlmCallResult<T>(T? Value, string? Failure, int InputTokens, int OutputTokens)
    where T : class;

/// <summary>
/// One structured LLM request made safe: JSON-schema structured output, a deadline for the whole exchange, one retry
/// for unusable output, one retry after a 429 when its Retry-After fits in the deadline, and a content-filter refusal
/// or any other failure turned into a <see cref="LlmCallResult{T}.Failure"/> instead of an exception. Only a
/// cancelled <c>cancellationToken</c> throws.
/// </summary>
/// <remarks>
/// The chat client must not retry by itself (<see cref="LlmChatClientFactory"/> turns the SDK's retries off), so the
/// deadline really bounds the time. Thread-safe: it keeps no state between calls.
/// </remarks>
internal sealed class LlmCall
{
    public const string Timeout = "timeout";
    public const string RateLimited = "rate-limited";
    public const string ContentFilter = "content-filter";
    public const string InvalidOutput = "invalid-output";
    public const string Unavailable = "unavailable";

    /// <summary>Model output longer than this is not parsed (a judgment is well under 4 KB).</summary>
    public const int MaxResponseChars = 32_000;

    private readonly IChatClient _chat;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LlmCall(IChatClient chat, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _chat = chat;
        _time = time;
        _logger = logger;
    }

    /// <summary>Sends <paramref name="messages"/> asking for a <typeparamref name="T"/> and validates the answer.</summary>
    /// <param name="validate">Returns why a parsed value is unusable (triggers the one retry), or null when it is fine.</param>
    /// <param name="purpose">"judgment" or "narrative", for logs.</param>
    public async Task<LlmCallResult<T>> RunAsync<T>(
        IReadOnlyList<ChatMessage> messages,
        ChatOptions options,
        JsonSerializerOptions serializerOptions,
        TimeSpan deadline,
        Func<T, string?> validate,
        string purpose,
        string interviewId,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validate);
        using var timeout = new CancellationTokenSource(deadline, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = _time.GetTimestamp();
        var (input, output) = (0L, 0L);
        var (invalidRetried, rateLimitRetried) = (false, false);
        var wait = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, linked.Token);
                    wait = TimeSpan.Zero;
                }

                var response = await _chat.GetResponseAsync<T>(messages, serializerOptions, options, useJsonSchemaResponseFormat: true, linked.Token);
                input += response.Usage?.InputTokenCount ?? 0;
                output += response.Usage?.OutputTokenCount ?? 0;
                if (response.FinishReason == ChatFinishReason.ContentFilter)
                {
                    return Fail(ContentFilter);
                }

                var problem = Problem(response, validate, out var value);
                if (problem is null)
                {
                    return new LlmCallResult<T>(value, null, Tokens(input), Tokens(output));
                }

                JudgingLog.InvalidOutput(_logger, purpose, interviewId, attempt, problem);
                if (invalidRetried)
                {
                    return Fail(InvalidOutput);
                }

                invalidRetried = true;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                JudgingLog.TimedOut(_logger, purpose, interviewId, deadline.TotalMilliseconds);
                return Fail(Timeout);
            }
            catch (ClientResultException e) when (e.Status == 429)
            {
                var retryAfter = RetryAfter(e.GetRawResponse(), _time.GetUtcNow());
                var remaining = deadline - _time.GetElapsedTime(started);
                if (rateLimitRetried || retryAfter is not { } delay || delay >= remaining)
                {
                    return Fail(RateLimited);
                }

                JudgingLog.RateLimited(_logger, purpose, interviewId, delay.TotalMilliseconds);
                rateLimitRetried = true;
                wait = delay;
            }
            catch (ClientResultException e) when (IsContentFilter(e))
            {
                return Fail(ContentFilter);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Network errors, 4xx/5xx, a server that closed the connection: the rubric judge answers instead.
                JudgingLog.CallFailed(_logger, purpose, interviewId, e);
                return Fail(e is ClientResultException { Status: > 0 } http ? $"{Unavailable} (HTTP {http.Status})" : Unavailable);
            }
        }

        LlmCallResult<T> Fail(string reason) => new(null, reason, Tokens(input), Tokens(output));
    }

    private static string? Problem<T>(ChatResponse<T> response, Func<T, string?> validate, out T? value)
        where T : class
    {
        value = null;
        if (response.Text.Length > MaxResponseChars)
        {
            return $"{response.Text.Length} characters, more than {MaxResponseChars}";
        }

        if (response.FinishReason == ChatFinishReason.Length)
        {
            return "cut off at the output-token limit";
        }

        try
        {
            if (!response.TryGetResult(out var parsed) || parsed is null)
            {
                return "not JSON matching the schema";
            }

            value = parsed;
        }
        catch (JsonException)
        {
            return "not JSON matching the schema";
        }

        var problem = validate(value);
        if (problem is not null)
        {
            value = null;
        }

        return problem;
    }

    private static int Tokens(long count) => (int)Math.Clamp(count, 0, int.MaxValue);

    /// <summary>The server's requested wait: Azure's <c>retry-after-ms</c>, else <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(System.ClientModel.Primitives.PipelineResponse? response, DateTimeOffset now)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }

    /// <summary>Azure OpenAI refuses a filtered prompt with HTTP 400 and the error code <c>content_filter</c>.</summary>
    private static bool IsContentFilter(ClientResultException e)
    {
        if (e.Status != 400)
        {
            return false;
        }

        var body = e.GetRawResponse()?.Content?.ToString() ?? e.Message;
        return body.Contains("content_filter", StringComparison.OrdinalIgnoreCase);
    }
}
