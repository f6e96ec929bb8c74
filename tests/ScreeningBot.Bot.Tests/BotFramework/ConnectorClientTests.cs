using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>The outbound connector client against the fake Bot Connector: tokens, throttling, refusals, and the serviceUrl allow-list.</summary>
public sealed class ConnectorClientTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private TeamsBotHarness Bot => fixture.Harness;

    [Fact]
    public async Task Send_Throttled429WithRetryAfter_WaitsThatLongAndDeliversOnce()
    {
        var (channel, address) = await TrustedConversationAsync();
        Bot.Connector.FailNext(r => r.ConversationId == address.ConversationId, (HttpStatusCode)429, retryAfter: "1", errorCode: "Throttled");

        await channel.SendAsync(address, [Reply.Message("hello after a throttle")], CancellationToken.None);

        var attempts = Bot.Connector.Requests.Where(r => r.ConversationId == address.ConversationId).ToList();
        Assert.Equal(["failed:send", "send"], attempts.Select(a => a.Operation));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms, before Retry-After");
        Assert.Equal("hello after a throttle", attempts[1].Text);
    }

    [Fact]
    public async Task Send_BadGatewayOnPost_IsNotRetriedBecauseItMayHaveBeenDelivered()
    {
        var (channel, address) = await TrustedConversationAsync();
        Bot.Connector.FailNext(r => r.ConversationId == address.ConversationId, HttpStatusCode.BadGateway);

        var delivery = await Assert.ThrowsAsync<ChannelDeliveryException>(() => channel.SendAsync(address, [Reply.Message("x")], CancellationToken.None));

        var e = Assert.IsType<ConnectorException>(delivery.InnerException);
        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.Single(Bot.Connector.Requests, r => r.ConversationId == address.ConversationId);
        Assert.StartsWith("corr-", e.CorrelationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CandidateSend_Forbidden_BecomesARecruiterReadableDeliveryError()
    {
        var (_, address) = await TrustedConversationAsync();
        var sut = Bot.Factory.Services.GetRequiredService<BotFrameworkConversationChannel>();
        Bot.Connector.FailNext(r => r.ConversationId == address.ConversationId, HttpStatusCode.Forbidden, errorCode: "BotNotInConversationRoster");

        var e = await Assert.ThrowsAsync<ChannelDeliveryException>(() => sut.SendAsync(address, [Reply.Message("x")], CancellationToken.None));

        Assert.Contains("not installed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServiceUrlNeverSeenOnAnAuthenticatedActivity_IsRefusedBeforeAnythingIsSent()
    {
        var sut = Bot.Factory.Services.GetRequiredService<ConnectorClient>();
        var before = Bot.Connector.Requests.Count;

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => sut.SendToConversationAsync("https://attacker.example.net/", "a:1", new Activity { Type = ActivityType.Message, Text = "x" }, CancellationToken.None));

        Assert.Equal(before, Bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task Send_ManyMessages_ReuseOneCachedToken()
    {
        var (channel, address) = await TrustedConversationAsync();

        await channel.SendAsync(address, [Reply.Message("one"), Reply.Message("two"), Reply.Message("three")], CancellationToken.None);

        Assert.Single(Bot.Connector.Requests, r => r.Operation == "token");
        Assert.All(Bot.Connector.Requests.Where(r => r.ConversationId == address.ConversationId), r => Assert.Equal("Bearer " + Bot.Connector.AccessToken, r.Authorization));
    }

    /// <summary>A conversation whose serviceUrl arrived on an authenticated activity, so the bot may call it.</summary>
    private async Task<(BotFrameworkConversationChannel Channel, ConversationAddress Address)> TrustedConversationAsync()
    {
        var user = TeamsBotFixture.NewUser();
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(Bot.Activities.BotAddedToPersonalChat(user))).StatusCode);
        var conversation = TeamsActivities.PersonalConversationId(user);
        await Bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.Operation == "send"), what: "the welcome");
        var address = new ConversationAddress
        {
            ChannelId = "msteams",
            ConversationId = conversation + "-proactive",
            ServiceUrl = Bot.Connector.ServiceUrl,
            TenantId = TeamsActivities.TenantId,
            BotId = Bot.Activities.BotAccountId,
            ViaBotFramework = true,
        };
        return (Bot.Factory.Services.GetRequiredService<BotFrameworkConversationChannel>(), address);
    }
}
