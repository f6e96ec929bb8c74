using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>Authentication off (no app id, loopback only), Emulator tokens by configuration, and what reaches the logs.</summary>
public sealed class LocalDevelopmentTests
{
    [Fact]
    public async Task NoAppIdOnLoopback_AcceptsUnauthenticatedActivitiesAndWarnsAtStart()
    {
        await using var bot = await TeamsBotHarness.StartAsync(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = "" },
            services => services.AddLogging(b => b.AddFakeLogging()));
        var user = TeamsBotFixture.NewUser();

        var response = await bot.PostAsync(bot.Activities.BotAddedToPersonalChat(user), token: string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = TeamsActivities.PersonalConversationId(user);
        var welcome = (await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation), what: "the welcome")).Single(x => x.ConversationId == conversation);
        Assert.Equal(string.Empty, welcome.Authorization);
        var logs = bot.Factory.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 2001 && r.Level == LogLevel.Warning);
    }

    [Fact]
    public void TrustedServiceUrls_AuthenticationOff_AllowsLoopbackOnly()
    {
        var sut = new TrustedServiceUrls(Options.Create(new BotFrameworkOptions()));

        sut.Remember("https://smba.trafficmanager.net/amer/");

        Assert.True(sut.IsTrusted("http://localhost:56789/"));
        Assert.True(sut.IsTrusted("http://127.0.0.1:3979/"));
        Assert.False(sut.IsTrusted("https://smba.trafficmanager.net/amer/"));
    }

    [Fact]
    public void TrustedServiceUrls_AuthenticationOn_AllowsOnlyRememberedUrls()
    {
        var sut = new TrustedServiceUrls(Options.Create(new BotFrameworkOptions { MicrosoftAppId = "app" }));

        sut.Remember("https://smba.trafficmanager.net/amer/");

        Assert.True(sut.IsTrusted("https://smba.trafficmanager.net/amer"));
        Assert.False(sut.IsTrusted("https://smba.trafficmanager.net/emea/"));
        Assert.False(sut.IsTrusted("http://localhost:56789/"));
        Assert.False(sut.IsTrusted("file:///etc/passwd"));
    }

    [Fact]
    public async Task EmulatorToken_WhenAllowed_IsAccepted()
    {
        await using var bot = await TeamsBotHarness.StartAsync(new Dictionary<string, string?> { ["BotFramework:AllowEmulatorTokens"] = "true" });
        var token = bot.Connector.CreateToken(TeamsBotHarness.AppId, issuer: FakeBotConnector.EmulatorIssuer, includeServiceUrl: false);

        var response = await bot.PostAsync(bot.Activities.BotAddedToPersonalChat(TeamsBotFixture.NewUser()), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CandidateText_IsNeverLoggedAboveTrace()
    {
        const string Secret = "zebra-42-confidential-answer";
        await using var bot = await TeamsBotHarness.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            services => services.AddLogging(b => b.AddFakeLogging()));
        var jane = TeamsBotFixture.NewUser("Jane Secretname");
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Secretname</at> backend-senior", jane))).StatusCode);
        var conversation = TeamsActivities.PersonalConversationId(jane);
        await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.InputHint == "expectingInput"), what: "the consent question");
        var answer = bot.Activities.PersonalMessage(jane, Secret);
        answer["deliveryMode"] = "expectReplies";

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(answer)).StatusCode);

        var logs = bot.Factory.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Trace && r.Message.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, r => r.Level > LogLevel.Trace && (r.Message.Contains(Secret, StringComparison.Ordinal) || r.Message.Contains("Secretname", StringComparison.Ordinal)));
    }
}
