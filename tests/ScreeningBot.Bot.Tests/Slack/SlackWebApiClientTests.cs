using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Slack;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.Slack;

/// <summary>The Web API client with its real resilience pipeline, against the loopback fake Slack.</summary>
public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _slack.AddUser("UJANE", "Jane Doe");
        _slack.AddUser("UROBOT", "Some Bot", isBot: true);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await _slack.DisposeAsync();
    }

    private SlackWebApiClient CreateSut(string attemptTimeout = "00:00:10")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:RetryDelay"] = "00:00:00.010",
            ["Slack:AttemptTimeout"] = attemptTimeout,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSlack().BuildServiceProvider();
        return _services.GetRequiredService<SlackWebApiClient>();
    }

    [Fact]
    public async Task PostMessage_Ok_SendsJsonWithBearerTokenAndReturnsTs()
    {
        var sut = CreateSut();

        var posted = await sut.PostMessageAsync("C123", BlockKitRenderer.RenderText("hello *there*"), CancellationToken.None);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + FakeSlackApi.BotToken, call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("C123", call.Channel);
        Assert.Equal("hello there", call.Text);
        Assert.Equal("section", (string?)call.Blocks[0]!["type"]);
        Assert.False(string.IsNullOrEmpty(posted.Ts));
    }

    [Fact]
    public async Task OpenDirectMessage_OkFalse_ThrowsTypedErrorWithSlacksCode()
    {
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SlackApiException>(() => sut.OpenDirectMessageAsync("UNOBODY", CancellationToken.None));

        Assert.Equal(SlackErrorCode.UserNotFound, e.ErrorCode);
        Assert.Equal("conversations.open", e.Method);
        Assert.Contains("user_not_found", SlackDeliveryErrors.Describe(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenDirectMessage_Bot_ThrowsCannotDmBot()
    {
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SlackApiException>(() => sut.OpenDirectMessageAsync("UROBOT", CancellationToken.None));

        Assert.Equal(SlackErrorCode.CannotDmBot, e.ErrorCode);
    }

    [Fact]
    public async Task PostMessage_RateLimited_WaitsRetryAfterThenSucceeds()
    {
        var sut = CreateSut();
        _slack.Script("chat.postMessage", FakeSlackAnswer.RateLimited(retryAfterSeconds: 1));
        var clock = Stopwatch.StartNew();

        await sut.PostMessageAsync("C123", BlockKitRenderer.RenderText("hi"), CancellationToken.None);

        // The retry delay is configured at 10 ms, so only Retry-After explains a wait of a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(2, _slack.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    [Fact]
    public async Task PostMessage_RateLimitedOnEveryAttempt_ThrowsRateLimited()
    {
        var sut = CreateSut();
        for (var i = 0; i < 4; i++)
        {
            _slack.Script("chat.postMessage", FakeSlackAnswer.RateLimited(retryAfterSeconds: 0));
        }

        var e = await Assert.ThrowsAsync<SlackApiException>(() => sut.PostMessageAsync("C123", BlockKitRenderer.RenderText("hi"), CancellationToken.None));

        Assert.Equal(SlackErrorCode.RateLimited, e.ErrorCode);
        Assert.Equal(4, _slack.Calls.Count);
    }

    [Fact]
    public async Task PostMessage_ServerError_IsNotRetriedSoNothingIsPostedTwice()
    {
        var sut = CreateSut();
        _slack.Script("chat.postMessage", FakeSlackAnswer.ServerError);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => sut.PostMessageAsync("C123", BlockKitRenderer.RenderText("hi"), CancellationToken.None));

        Assert.Equal("http_500", e.ErrorCode.Value);
        Assert.Single(_slack.Calls);
    }

    [Fact]
    public async Task OpenDirectMessage_ServerErrorOnce_IsRetriedBecauseItIsSafeToRepeat()
    {
        var sut = CreateSut();
        _slack.Script("conversations.open", FakeSlackAnswer.ServerError);

        var channel = await sut.OpenDirectMessageAsync("UJANE", CancellationToken.None);

        Assert.Equal(FakeSlackApi.DirectMessageChannel("UJANE"), channel);
        Assert.Equal(2, _slack.Calls.Count);
    }

    [Fact]
    public async Task PostMessage_SlowSlack_TimesOutWithoutRetrying()
    {
        var sut = CreateSut(attemptTimeout: "00:00:00.300");
        _slack.Script("chat.postMessage", FakeSlackAnswer.Hang);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => sut.PostMessageAsync("C123", BlockKitRenderer.RenderText("hi"), CancellationToken.None));

        Assert.Equal(SlackErrorCode.Timeout, e.ErrorCode);
        Assert.Single(_slack.Calls);
    }

    [Fact]
    public async Task GetUser_SlowSlackOnce_IsRetriedAndSucceeds()
    {
        var sut = CreateSut(attemptTimeout: "00:00:00.300");
        _slack.Script("users.info", FakeSlackAnswer.Hang);

        var user = await sut.GetUserAsync("UJANE", CancellationToken.None);

        Assert.Equal("Jane Doe", user.DisplayName);
        Assert.Equal(2, _slack.Calls.Count);
    }

    [Fact]
    public async Task Respond_UntrustedHost_IsRefusedWithoutSending()
    {
        var sut = CreateSut();

        var e = await Assert.ThrowsAsync<SlackApiException>(() => sut.RespondAsync(new Uri("https://attacker.example/hook"), [], CancellationToken.None));

        Assert.Equal("untrusted_response_url", e.ErrorCode.Value);
        Assert.Empty(_slack.Calls);
        Assert.True(sut.IsAllowedResponseUrl(new Uri("https://hooks.slack.com/commands/T1/2/3")));
        Assert.False(sut.IsAllowedResponseUrl(new Uri("http://hooks.slack.com/commands/T1/2/3")));
        Assert.False(sut.IsAllowedResponseUrl(new Uri("https://hooks.slack.com.attacker.example/x")));
    }

    [Fact]
    public async Task Respond_ExpiredUrl_ThrowsExpiredUrl()
    {
        var sut = CreateSut();
        _slack.Script("response_url:r1", FakeSlackAnswer.Fails("expired_url"));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => sut.RespondAsync(_slack.ResponseUrl("r1"), new() { ["text"] = "late" }, CancellationToken.None));

        Assert.Equal(SlackErrorCode.ExpiredUrl, e.ErrorCode);
    }

    [Fact]
    public void MethodScopes_EveryMethodTheClientCalls_IsListed()
    {
        var methods = typeof(SlackWebApiClient.Methods).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.Equal(methods.Order(), SlackWebApiClient.MethodScopes.Keys.Order());
    }
}
