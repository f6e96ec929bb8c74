using Microsoft.Extensions.AI;

namespace ScreeningBot.Testing;

/// <summary>
/// A hand-written <see cref="IChatClient"/> for unit tests: <see cref="GetResponseAsyncCallback"/> decides the answer and
/// every call's messages and options are recorded. Streaming is not supported (the judge does not stream).
/// </summary>
public sealed class FakeChatClient : IChatClient
{
    private readonly Lock _gate = new();
    private readonly List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> _calls = [];

    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? GetResponseAsyncCallback { get; set; }

    public IReadOnlyList<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>A client that answers every request with <paramref name="json"/> as the assistant's text.</summary>
    public static FakeChatClient Returning(string json, long inputTokens = 300, long outputTokens = 60) => new()
    {
        GetResponseAsyncCallback = (_, _, _) => Task.FromResult(Response(json, inputTokens, outputTokens)),
    };

    public static ChatResponse Response(string text, long inputTokens = 300, long outputTokens = 60, ChatFinishReason? finishReason = null) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = finishReason ?? ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens },
        };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToArray();
        lock (_gate)
        {
            _calls.Add((list, options));
        }

        return GetResponseAsyncCallback is { } callback
            ? callback(list, options, cancellationToken)
            : throw new InvalidOperationException("FakeChatClient.GetResponseAsyncCallback is not set.");
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fake does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
