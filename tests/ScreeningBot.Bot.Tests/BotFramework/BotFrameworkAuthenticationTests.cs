using System.Net;
using Microsoft.IdentityModel.Tokens;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>
/// Inbound authentication over real HTTP: tokens signed by the fake connector's test keys, served as OpenID metadata on
/// loopback, so the real validation code runs. A refused activity must not be processed: each case is followed by a
/// valid delivery whose welcome must be the only one the fake connector records.
/// </summary>
public sealed class BotFrameworkAuthenticationTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private TeamsBotHarness Bot => fixture.Harness;

    [Fact]
    public async Task Authenticate_ValidToken_ProcessesTheActivity()
    {
        var user = TeamsBotFixture.NewUser();

        var response = await Bot.PostAsync(Bot.Activities.BotAddedToPersonalChat(user));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WelcomesAsync(user, expected: 1);
    }

    public static TheoryData<string> RefusedTokens => new()
    {
        "expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "bad-signature", "missing", "garbage", "service-url-mismatch", "no-service-url-claim",
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Authenticate_BadToken_Returns401AndDoesNotProcess(string kind)
    {
        var user = TeamsBotFixture.NewUser();
        var activity = Bot.Activities.BotAddedToPersonalChat(user);

        var response = await Bot.PostAsync(activity, TokenOf(kind));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var redelivered = Bot.Activities.BotAddedToPersonalChat(user);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(redelivered)).StatusCode);
        await WelcomesAsync(user, expected: 1);
    }

    [Fact]
    public async Task Authenticate_KeyNotEndorsedForTheChannel_Returns403()
    {
        var user = TeamsBotFixture.NewUser();
        var activity = Bot.Activities.BotAddedToPersonalChat(user);
        activity["channelId"] = "skype";

        var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("key-not-in-the-key-set")]
    public async Task Authenticate_KeyThatValidatedIsEndorsedOnlyForAnotherChannel_Returns403(string? headerKeyId)
    {
        // A key the connector endorses for Web Chat only signs a token whose header names no key, or a key the set does not
        // have: validation then tries every key, and the endorsements that count are those of the key that verified it.
        await using var bot = await TeamsBotHarness.StartAsync();
        var webChatOnly = FakeBotConnector.CreateKey();
        bot.Connector.PublishKey(webChatOnly, ["webchat"]);
        var signer = new RsaSecurityKey(webChatOnly.Rsa) { KeyId = headerKeyId };
        var teams = bot.Activities.BotAddedToPersonalChat(TeamsBotFixture.NewUser());
        var webChat = bot.Activities.BotAddedToPersonalChat(TeamsBotFixture.NewUser());
        webChat["channelId"] = "webchat";

        var refused = await bot.PostAsync(teams, bot.Connector.CreateToken(TeamsBotHarness.AppId, key: signer));
        var accepted = await bot.PostAsync(webChat, bot.Connector.CreateToken(TeamsBotHarness.AppId, key: webChatOnly));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Authenticate_TokenWithAnUnknownCriticalHeaderParameter_Returns401()
    {
        var user = TeamsBotFixture.NewUser();
        var token = Bot.Connector.CreateToken(
            TeamsBotHarness.AppId,
            additionalHeaderClaims: new Dictionary<string, object> { ["crit"] = new List<string> { "urn:example:must-understand" }, ["urn:example:must-understand"] = true });

        var response = await Bot.PostAsync(Bot.Activities.BotAddedToPersonalChat(user), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("crit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> TokensRejectedWithoutKeys => new() { "alg-none", "garbage", "wrong-issuer", "wrong-audience", "expired" };

    [Theory]
    [MemberData(nameof(TokensRejectedWithoutKeys))]
    public async Task Authenticate_MetadataUnreachable_TokenThatNeedsNoKeysToRejectGets401(string kind)
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        bot.Connector.MetadataAvailable = false;
        var now = TimeProvider.System.GetUtcNow();
        var token = kind switch
        {
            "alg-none" => bot.Connector.CreateUnsignedToken(TeamsBotHarness.AppId),
            "garbage" => "not.a.jwt",
            "wrong-issuer" => bot.Connector.CreateToken(TeamsBotHarness.AppId, issuer: "https://evil.example.com"),
            "wrong-audience" => bot.Connector.CreateToken("9f1b7c1e-0000-4000-8000-00000000beef"),
            "expired" => bot.Connector.CreateToken(TeamsBotHarness.AppId, notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var response = await bot.PostAsync(bot.Activities.BotAddedToPersonalChat(TeamsBotFixture.NewUser()), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Authenticate_MetadataUnreachable_WellFormedTokenGets503WithRetryAfter()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        bot.Connector.MetadataAvailable = false;

        var response = await bot.PostAsync(bot.Activities.BotAddedToPersonalChat(TeamsBotFixture.NewUser()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Authenticate_TokenSignedWithANewlyPublishedKey_RefreshesKeysAndAccepts()
    {
        // The bot has cached the metadata; the connector then rotates to a key the cache has never seen.
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(Bot.Activities.BotAddedToPersonalChat(TeamsBotFixture.NewUser()))).StatusCode);
        var downloads = Bot.Connector.KeySetDownloads;
        Bot.Connector.RotateKey();
        var user = TeamsBotFixture.NewUser();

        var response = await Bot.PostAsync(Bot.Activities.BotAddedToPersonalChat(user));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Bot.Connector.KeySetDownloads > downloads, "the JWKS should have been fetched again for the unknown key id");
        await WelcomesAsync(user, expected: 1);
    }

    [Fact]
    public async Task Authenticate_EmulatorToken_RefusedUnlessAllowed()
    {
        var user = TeamsBotFixture.NewUser();
        var token = Bot.Connector.CreateToken(TeamsBotHarness.AppId, issuer: FakeBotConnector.EmulatorIssuer, includeServiceUrl: false);

        var response = await Bot.PostAsync(Bot.Activities.BotAddedToPersonalChat(user), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string TokenOf(string kind)
    {
        var now = TimeProvider.System.GetUtcNow();
        var connector = Bot.Connector;
        return kind switch
        {
            "expired" => connector.CreateToken(TeamsBotHarness.AppId, notBefore: now.AddHours(-2), expires: now.AddMinutes(-10)),
            "not-yet-valid" => connector.CreateToken(TeamsBotHarness.AppId, notBefore: now.AddMinutes(10), expires: now.AddHours(1)),
            "wrong-audience" => connector.CreateToken("9f1b7c1e-0000-4000-8000-00000000beef"),
            "wrong-issuer" => connector.CreateToken(TeamsBotHarness.AppId, issuer: "https://evil.example.com"),
            "bad-signature" => connector.CreateToken(TeamsBotHarness.AppId, key: FakeBotConnector.ForgedKey(connector.SigningKey.KeyId!)),
            "missing" => string.Empty,
            "garbage" => "not-a-jwt",
            "service-url-mismatch" => connector.CreateToken(TeamsBotHarness.AppId, serviceUrl: "https://smba.trafficmanager.net/amer/"),
            "no-service-url-claim" => connector.CreateToken(TeamsBotHarness.AppId, includeServiceUrl: false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private async Task WelcomesAsync(TeamsUser user, int expected)
    {
        var conversation = TeamsActivities.PersonalConversationId(user);
        var recorded = await Bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.Operation == "send"), what: $"the welcome in {conversation}");
        Assert.Equal(expected, recorded.Count(x => x.ConversationId == conversation && x.Operation == "send"));
    }
}
