using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Playground;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.Playground;

namespace ScreeningBot.Bot.Tests.Playground;

/// <summary>When the playground is served (and when not), the page and its assets, and the page's read API.</summary>
public sealed class PlaygroundEndpointsTests
{
    [Fact]
    public async Task Page_AuthenticationOff_IsServedWithAStrictContentSecurityPolicy()
    {
        await using var bot = PlaygroundBot.Start();

        using var response = await bot.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Local playground", html, StringComparison.Ordinal);
        Assert.Contains("/playground/assets/playground.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("playground.js", "text/javascript")]
    [InlineData("playground.css", "text/css")]
    public async Task Asset_Known_IsServedWithItsContentType(string name, string mediaType)
    {
        await using var bot = PlaygroundBot.Start();

        using var response = await bot.Client.GetAsync(new Uri($"{PlaygroundEndpoints.AssetsPath}/{name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1_000);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("appsettings.json")]
    [InlineData("..%2Fappsettings.json")]
    public async Task Asset_NotOneOfThePagesFiles_IsNotFound(string name)
    {
        await using var bot = PlaygroundBot.Start();

        using var response = await bot.Client.GetAsync(new Uri($"{PlaygroundEndpoints.AssetsPath}/{name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PageScript_NeverWritesMarkup_OnlyTextAndElements()
    {
        await using var bot = PlaygroundBot.Start();

        var script = await bot.Client.GetStringAsync(new Uri($"{PlaygroundEndpoints.AssetsPath}/playground.js", UriKind.Relative));

        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("outerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
        Assert.Contains("textContent", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_AppIdConfigured_IsNotMappedAndSaysWhyAtStart()
    {
        await using var bot = await TeamsBotHarness.StartAsync(PlaygroundLogsAtInformation, services => services.AddLogging(b => b.AddFakeLogging()));

        using var page = await bot.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var feed = await bot.Client.GetAsync(new Uri(PlaygroundEndpoints.ActivitiesApi, UriKind.Relative));
        using var connector = await bot.Client.PostAsync(new Uri(PlaygroundEndpoints.ConnectorConversations, UriKind.Relative), JsonContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, connector.StatusCode);
        var logs = bot.Factory.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 7002 && r.Message.Contains("MicrosoftAppId is set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Playground_TurnedOffInConfiguration_IsNotMapped()
    {
        await using var bot = PlaygroundBot.Start(new Dictionary<string, string?> { ["Playground:Enabled"] = "false" });

        using var page = await bot.Client.GetAsync(new Uri("/", UriKind.Relative));
        using var connector = await bot.Client.PostAsync(new Uri(PlaygroundEndpoints.ConnectorConversations, UriKind.Relative), JsonContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, connector.StatusCode);
    }

    [Fact]
    public async Task Playground_On_LogsWhereToOpenIt()
    {
        await using var factory = new BotAppFactory(PlaygroundLogsAtInformation, services => services.AddLogging(b => b.AddFakeLogging()));

        var address = factory.BaseAddress;

        var logs = factory.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        var notice = Assert.Single(logs, r => r.Id.Id == 7001);
        Assert.Contains($"http://127.0.0.1:{address.Port}/", notice.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("screeningbot.example")]
    [InlineData("192.168.1.20")]
    public async Task Request_ToANonLoopbackHostName_IsForbidden(string host)
    {
        await using var bot = PlaygroundBot.Start();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Host = host;

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("loopback host", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("bot.localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.5.6.7", true)]
    [InlineData("[::1]", true)]
    [InlineData("localhost.example", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("", false)]
    public void IsLoopbackHost_Name_IsRecognised(string host, bool expected)
    {
        Assert.Equal(expected, Loopback.IsLoopbackHost(host));
    }

    [Theory]
    [InlineData("after=-1", "'after' is -1")]
    [InlineData("wait=26", "'wait' is 26")]
    [InlineData("wait=-1", "'wait' is -1")]
    public async Task Feed_OutOfRangeQuery_IsABadRequestThatSaysWhatToSend(string query, string expected)
    {
        await using var bot = PlaygroundBot.Start();

        using var response = await bot.Client.GetAsync(new Uri($"{PlaygroundEndpoints.ActivitiesApi}?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_Empty_AnswersNoActivitiesAndCursorZero()
    {
        await using var bot = PlaygroundBot.Start();

        var feed = await bot.FeedAsync();

        Assert.Empty(feed["activities"]!.AsArray());
        Assert.Equal(0, feed["next"]!.GetValue<long>());
    }

    [Fact]
    public async Task Feed_WithWait_AnswersAsSoonAsTheBotSendsSomething()
    {
        await using var bot = PlaygroundBot.Start();
        var waiting = bot.FeedAsync(after: 0, wait: 25);

        await bot.SendAsync(bot.Command("screen @Lin backend-senior", "Lin"));
        var feed = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotEmpty(feed["activities"]!.AsArray());
        Assert.Equal(PlaygroundBot.PersonalConversationId("Lin"), feed["activities"]![0]!["conversation"]!["id"]!.GetValue<string>());
    }

    private static Dictionary<string, string?> PlaygroundLogsAtInformation => new() { ["Logging:LogLevel:ScreeningBot.Bot.Playground"] = "Information" };

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
