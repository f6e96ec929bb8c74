using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScreeningBot.Testing.OpenAi;

/// <summary>
/// What <see cref="OpenAiTestServer"/> answers to one <c>POST …/chat/completions</c>: a status, headers and a body in
/// the chat completions wire format, or a stall that sends nothing until the client gives up.
/// </summary>
public sealed record ChatCompletionReply
{
    public int Status { get; init; } = 200;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string Body { get; init; } = "{}";

    /// <summary>When set, the server sends nothing for this long (or until the client disconnects or the server stops).</summary>
    public TimeSpan? Stall { get; init; }

    /// <summary>When set, the server answers only once this completes (or gives up when the client disconnects or the server stops).</summary>
    public Task? Gate { get; init; }

    /// <summary>A successful completion whose assistant message is <paramref name="content"/>, with token usage.</summary>
    public static ChatCompletionReply Completion(string? content, string finishReason = "stop", int promptTokens = 420, int completionTokens = 80, string model = "test-model") =>
        new()
        {
            Body = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1_767_225_600,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                    ["logprobs"] = null,
                    ["finish_reason"] = finishReason,
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = promptTokens,
                    ["completion_tokens"] = completionTokens,
                    ["total_tokens"] = promptTokens + completionTokens,
                },
            }.ToJsonString(),
        };

    /// <summary>A completion whose content is <paramref name="value"/> serialized as JSON (a judgment, a narrative…).</summary>
    public static ChatCompletionReply Json(object value, int promptTokens = 420, int completionTokens = 80) =>
        Completion(JsonSerializer.Serialize(value), promptTokens: promptTokens, completionTokens: completionTokens);

    /// <summary>A judgment in the shape the LLM judge asks for.</summary>
    public static ChatCompletionReply Judgment(
        double depth,
        double specificity = 3,
        IReadOnlyList<string>? covered = null,
        IReadOnlyList<string>? missing = null,
        string? quote = null,
        bool needsFollowUp = false,
        string? focus = null,
        string? followUp = null,
        IReadOnlyList<(string Code, string Detail)>? flags = null,
        string? languageLevel = "none",
        int promptTokens = 420,
        int completionTokens = 80) =>
        Json(
            new Dictionary<string, object?>
            {
                ["depth"] = depth,
                ["specificity"] = specificity,
                ["areasCovered"] = covered ?? [],
                ["areasMissing"] = missing ?? [],
                ["evidenceQuote"] = quote,
                ["needsFollowUp"] = needsFollowUp,
                ["followUpFocus"] = focus,
                ["suggestedFollowUp"] = followUp,
                ["redFlags"] = (flags ?? []).Select(f => new Dictionary<string, string> { ["code"] = f.Code, ["detail"] = f.Detail }).ToArray(),
                ["questionFlagsHit"] = Array.Empty<int>(),
                ["languageLevel"] = languageLevel,
            },
            promptTokens,
            completionTokens);

    /// <summary>A scorecard narrative in the shape the narrator asks for, praising a strong candidate.</summary>
    public static ChatCompletionReply Narrative() =>
        Json(new Dictionary<string, object>
        {
            ["summary"] = "The candidate answered every question with concrete, measured examples from their own work.",
            ["strengths"] = new[] { "Specific figures and first-hand detail" },
            ["risks"] = new[] { "None beyond the usual for the level" },
            ["suggestedNextStep"] = "Invite to the technical interview.",
            ["rationale"] = "Each answer said what was built, how, and what it changed.",
        });

    /// <summary>429 Too Many Requests with <c>Retry-After</c> in seconds, as OpenAI and Azure OpenAI send it.</summary>
    public static ChatCompletionReply RateLimited(double retryAfterSeconds) => new()
    {
        Status = 429,
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) },
        Body = """{"error":{"message":"Rate limit reached. Please retry after the time in Retry-After.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""",
    };

    /// <summary>A completion cut by the content filter (<c>finish_reason: content_filter</c>, no content).</summary>
    public static ChatCompletionReply ContentFiltered() => Completion(null, finishReason: "content_filter", completionTokens: 0);

    /// <summary>Azure OpenAI's refusal of a filtered prompt: HTTP 400 with error code <c>content_filter</c>.</summary>
    public static ChatCompletionReply PromptFiltered() => new()
    {
        Status = 400,
        Body = """{"error":{"message":"The response was filtered due to the prompt triggering content management policy.","type":null,"param":"prompt","code":"content_filter","status":400}}""",
    };

    /// <summary>An HTTP error with an OpenAI-style error body.</summary>
    public static ChatCompletionReply Error(int status) => new()
    {
        Status = status,
        Body = "{\"error\":{\"message\":\"scripted error " + status.ToString(CultureInfo.InvariantCulture) + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}",
    };

    /// <summary>This reply, sent only once <paramref name="gate"/> completes: a model that is slow until the test says otherwise.</summary>
    public ChatCompletionReply After(Task gate) => this with { Gate = gate };

    /// <summary>No response for <paramref name="duration"/>.</summary>
    public static ChatCompletionReply Stalled(TimeSpan duration) => new() { Stall = duration, Body = Completion("{}").Body };
}
