using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>
/// <see cref="LlmJudge"/> with the real Microsoft.Extensions.AI.OpenAI client (and Azure.AI.OpenAI) against a loopback
/// OpenAI-compatible server: the wire format both ways, and every failure the judge must survive.
/// </summary>
public sealed partial class LlmJudgeWireTests : IAsyncLifetime
{
    private const string Answer = "I would put Redis in front of the catalogue database, zebra-marker-7731, and give entries a TTL.";

    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task JudgeAsync_ValidJudgment_UsesItWithUsage()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(3.5, 2.5, covered: ["ttl / EXPIRY"], quote: "give entries a TTL", promptTokens: 512, completionTokens: 96));
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Null(judgment.FallbackReason);
        Assert.Equal(3.5, judgment.Depth);
        Assert.Equal(2.5, judgment.Specificity);
        Assert.Equal(["TTL / expiry"], judgment.AreasCovered);
        Assert.Equal(["cache invalidation", "cache stampede", "consistency"], judgment.AreasMissing);
        Assert.Equal("give entries a TTL", judgment.EvidenceQuote);
        Assert.Equal((512, 96), (judgment.InputTokens, judgment.OutputTokens));
    }

    [Fact]
    public async Task JudgeAsync_Request_AsksForTheJsonSchemaAndFencesTheAnswerOutsideTheSystemMessage()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(2));
        var sut = JudgeTestData.LlmJudge(_server);

        await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-key", request.Headers["Authorization"]);
        var json = request.Json;
        Assert.Equal("test-model", (string?)json["model"]);
        Assert.Equal(0, (double?)json["temperature"]);
        var format = json["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.True((bool?)format["json_schema"]!["strict"]);
        var schema = format["json_schema"]!["schema"]!;
        var required = schema["required"]!.AsArray().Select(n => (string?)n).ToArray();
        Assert.Contains("depth", required);
        Assert.Contains("evidenceQuote", required);
        Assert.Equal("number", (string?)schema["properties"]!["depth"]!["type"]);

        var messages = json["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        var system = request.MessageText("system");
        Assert.DoesNotContain("zebra-marker-7731", system, StringComparison.Ordinal);
        Assert.Contains(JudgeTestData.Caching.Text, system, StringComparison.Ordinal);
        Assert.Contains("- cache stampede", system, StringComparison.Ordinal);
        Assert.Contains(JudgeTestData.Caching.ReferenceAnswer!, system, StringComparison.Ordinal);
        Assert.Contains("Prefer first-hand detail", system, StringComparison.Ordinal);
        Assert.Contains("5 = expert", system, StringComparison.Ordinal);
        Assert.Contains("untrusted", system, StringComparison.Ordinal);
        Assert.Contains("Never ask about or mention: age; health.", system, StringComparison.Ordinal);

        var fence = FencePattern().Match(request.MessageText("user"));
        Assert.True(fence.Success, request.MessageText("user"));
        Assert.Equal(fence.Groups["open"].Value, fence.Groups["close"].Value);
        Assert.Equal(Answer, fence.Groups["answer"].Value.TrimEnd('\n'));
    }

    [Fact]
    public async Task JudgeAsync_TwoRequests_UseDifferentFenceCodes()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(2), ChatCompletionReply.Judgment(2));
        var sut = JudgeTestData.LlmJudge(_server);

        await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);
        await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        var codes = _server.Requests.Select(r => FencePattern().Match(r.MessageText("user")).Groups["open"].Value).ToArray();
        Assert.Equal(2, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[0-9A-F]{16}$", c));
    }

    [Fact]
    public async Task JudgeAsync_MalformedJsonTwice_RetriesOnceThenFallsBackToTheRubricJudge()
    {
        _server.Enqueue(ChatCompletionReply.Completion("{\"depth\": five, oops"), ChatCompletionReply.Completion("Sure! The answer deserves a 4."));
        var sut = JudgeTestData.LlmJudge(_server);
        var rubric = new RubricJudge().Judge(JudgeTestData.Request(Answer));

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Equal(LlmCall.InvalidOutput, judgment.FallbackReason);
        Assert.Equal(rubric.Depth, judgment.Depth);
        Assert.Equal((840, 160), (judgment.InputTokens, judgment.OutputTokens));
    }

    [Fact]
    public async Task JudgeAsync_MissingRequiredFieldThenValid_UsesTheRetry()
    {
        _server.Enqueue(ChatCompletionReply.Completion("""{"specificity": 2}"""), ChatCompletionReply.Judgment(2.5));
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal(2.5, judgment.Depth);
    }

    [Theory]
    [InlineData(9.0, -3.0, 5.0, 0.0)]
    [InlineData(-1.0, 42.0, 0.0, 5.0)]
    [InlineData(2.345, 1.111, 2.35, 1.11)]
    public async Task JudgeAsync_OutOfRangeScores_AreClamped(double depth, double specificity, double expectedDepth, double expectedSpecificity)
    {
        _server.Enqueue(ChatCompletionReply.Judgment(depth, specificity));
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(JudgeTestData.StrongAnswer), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal(expectedDepth, judgment.Depth);
        Assert.Equal(expectedSpecificity, judgment.Specificity);
    }

    [Theory]
    [InlineData("We used Memcached with consistent hashing.")]
    [InlineData("i would put redis in front of the catalogue database")]
    public async Task JudgeAsync_QuoteNotVerbatimInTheAnswer_IsDropped(string quote)
    {
        _server.Enqueue(ChatCompletionReply.Judgment(3, quote: quote));
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Null(judgment.EvidenceQuote);
        Assert.Equal(3, judgment.Depth);
    }

    [Fact]
    public async Task JudgeAsync_RateLimitedWithRetryAfterInsideTheDeadline_WaitsThatLongThenRetries()
    {
        var time = new ObservableTimeProvider();
        _server.Enqueue(ChatCompletionReply.RateLimited(2), ChatCompletionReply.Judgment(3));
        var sut = JudgeTestData.LlmJudge(_server, time, timeoutSeconds: 10);

        var judging = sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None).AsTask();
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(2)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Single(_server.Requests);
        Assert.False(judging.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var judgment = await judging.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal(3, judgment.Depth);
    }

    [Fact]
    public async Task JudgeAsync_RateLimitedLongerThanTheDeadline_FallsBackWithoutWaiting()
    {
        _server.Enqueue(ChatCompletionReply.RateLimited(60), ChatCompletionReply.Judgment(3));
        var sut = JudgeTestData.LlmJudge(_server, new ObservableTimeProvider(), timeoutSeconds: 10);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Single(_server.Requests);
        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Equal(LlmCall.RateLimited, judgment.FallbackReason);
    }

    [Fact]
    public async Task JudgeAsync_RateLimitedTwice_FallsBackAfterOneRetry()
    {
        var time = new ObservableTimeProvider();
        _server.Enqueue(ChatCompletionReply.RateLimited(1), ChatCompletionReply.RateLimited(1), ChatCompletionReply.Judgment(3));
        var sut = JudgeTestData.LlmJudge(_server, time, timeoutSeconds: 10);

        var judging = sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None).AsTask();
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(1));
        var judgment = await judging.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(LlmCall.RateLimited, judgment.FallbackReason);
    }

    [Fact]
    public async Task JudgeAsync_ServerStallsThirtySeconds_TimesOutAtTheConfiguredTimeoutAndFallsBack()
    {
        // The server really holds the request for 30 s; the judge's clock is fake, so its 5-second timeout fires the
        // moment the test advances it, and the test never waits for the stall.
        var time = new ObservableTimeProvider();
        _server.Enqueue(ChatCompletionReply.Stalled(TimeSpan.FromSeconds(30)));
        var sut = JudgeTestData.LlmJudge(_server, time, timeoutSeconds: 5);
        var started = time.GetUtcNow();

        var judging = sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None).AsTask();
        await _server.WaitForRequestsAsync(1).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(judging.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var judgment = await judging.WaitAsync(TimeSpan.FromSeconds(30));
        await _server.Requests[0].Handled.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Equal(LlmCall.Timeout, judgment.FallbackReason);
        Assert.Equal(TimeSpan.FromSeconds(5), time.GetUtcNow() - started);
        Assert.True(_server.Requests[0].ClientGaveUp, "the judge should abandon the stalled request");
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task JudgeAsync_ContentFilterFinishReason_FallsBackWithoutRetrying()
    {
        _server.Enqueue(ChatCompletionReply.ContentFiltered(), ChatCompletionReply.Judgment(3));
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Single(_server.Requests);
        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Equal(LlmCall.ContentFilter, judgment.FallbackReason);
        Assert.Equal(420, judgment.InputTokens);
    }

    [Fact]
    public async Task JudgeAsync_PromptRefusedByTheContentFilter_FallsBack()
    {
        _server.Enqueue(ChatCompletionReply.PromptFiltered());
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(LlmCall.ContentFilter, judgment.FallbackReason);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task JudgeAsync_HttpError_FallsBackNamingTheStatus(int status)
    {
        _server.Enqueue(ChatCompletionReply.Error(status));
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Single(_server.Requests);
        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Equal($"{LlmCall.Unavailable} (HTTP {status})", judgment.FallbackReason);
    }

    [Fact]
    public async Task JudgeAsync_NothingListening_FallsBackAsUnavailable()
    {
        var stopped = await OpenAiTestServer.StartAsync();
        var options = JudgeTestData.OptionsFor(stopped);
        await stopped.DisposeAsync();
        var sut = JudgeTestData.LlmJudge(LlmChatClientFactory.Create(options), options);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Equal(LlmCall.Unavailable, judgment.FallbackReason);
    }

    [Fact]
    public async Task JudgeAsync_AzureOpenAIWithKey_CallsTheDeploymentRouteWithTheApiKeyHeader()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(4, covered: ["consistency"]));
        var options = new LlmJudgeOptions
        {
            Provider = JudgeProvider.AzureOpenAI,
            Endpoint = _server.AzureEndpoint.ToString(),
            Deployment = "judge-deployment",
            ApiKey = "azure-test-key",
        };
        var sut = JudgeTestData.LlmJudge(LlmChatClientFactory.Create(options), options);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/judge-deployment/chat/completions", request.Path);
        Assert.StartsWith("?api-version=", request.Query, StringComparison.Ordinal);
        Assert.Equal("azure-test-key", request.Headers["api-key"]);
        Assert.Equal("json_schema", (string?)request.Json["response_format"]!["type"]);
        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal(["consistency"], judgment.AreasCovered);
    }

    [Fact]
    public async Task JudgeAsync_OllamaStyleEndpointWithoutKey_SendsAPlaceholderKey()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(2));
        var options = JudgeTestData.OptionsFor(_server);
        options.ApiKey = null;
        var sut = JudgeTestData.LlmJudge(LlmChatClientFactory.Create(options), options);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal($"Bearer {LlmChatClientFactory.NoKey}", Assert.Single(_server.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task JudgeAsync_ResponseWithoutUsage_CountsZeroTokens()
    {
        var reply = ChatCompletionReply.Judgment(3);
        var body = JsonNode.Parse(reply.Body)!.AsObject();
        body.Remove("usage");
        _server.Enqueue(reply with { Body = body.ToJsonString() });
        var sut = JudgeTestData.LlmJudge(_server);

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal((0, 0), (judgment.InputTokens, judgment.OutputTokens));
    }

    [GeneratedRegex(@"<<<CANDIDATE_ANSWER (?<open>[0-9A-F]+)\n(?<answer>.*)\nCANDIDATE_ANSWER (?<close>[0-9A-F]+)>>>", RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
