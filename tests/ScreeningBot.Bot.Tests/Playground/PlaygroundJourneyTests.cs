using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ScreeningBot.Testing.Playground;

namespace ScreeningBot.Bot.Tests.Playground;

/// <summary>
/// The whole playground loop over HTTP, exactly as the page drives it: a recruiter command in the playground channel opens the
/// candidate's 1:1 through the connector stand-in, the candidate answers with a button and typed text, and the scoring job
/// posts the scorecard to the channel through the connector.
/// </summary>
public sealed class PlaygroundJourneyTests
{
    [Fact]
    public async Task Screen_FailedKnockout_EndsWithNoAndPostsTheScorecardToTheChannel()
    {
        await using var bot = PlaygroundBot.Start();

        var invited = Assert.Single(await bot.SendAsync(bot.Command("screen @Jane backend-senior", "Jane")));
        Assert.Contains("Invited @Jane", invited["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var personal = PlaygroundBot.PersonalConversationId("Jane");
        var consent = await bot.WaitForActivityAsync(personal, a => a["inputHint"]?.GetValue<string>() == "expectingInput", "the consent question");
        var yes = consent["attachments"]![0]!["content"]!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Yes")!["data"]!;

        var afterConsent = await bot.SendAsync(bot.Click("Jane", yes));
        Assert.Contains(afterConsent, r => r["text"]!.GetValue<string>().Contains("How many years", StringComparison.Ordinal));

        var closing = await bot.SendAsync(bot.Answer("Jane", "1"));
        Assert.Contains(closing, r => r["text"]!.GetValue<string>().Contains("will review your answers against the role's requirements and get back to you", StringComparison.Ordinal));

        var scorecard = await bot.WaitForActivityAsync(PlaygroundBot.ChannelConversationId, a => a["attachments"] is JsonArray { Count: > 0 }, "the scorecard");
        var card = scorecard["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        var headline = card["content"]!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("No ·", headline, StringComparison.Ordinal);
        Assert.Equal("playground", scorecard["channelId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Command_FromThePlaygroundChannel_IsRunWithoutConfiguredRecruiters()
    {
        await using var bot = PlaygroundBot.Start();

        var reply = Assert.Single(await bot.SendAsync(bot.Command("status")));

        Assert.Contains("Latest screens", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_PlaygroundTurnedOff_IsRefusedLikeAnyUnknownRecruiter()
    {
        await using var bot = PlaygroundBot.Start(new Dictionary<string, string?> { ["Playground:Enabled"] = "false" });

        var reply = Assert.Single(await bot.SendAsync(bot.Command("status")));

        Assert.Contains("only recruiters", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_PostedAsTextPlainLikeACrossSiteForm_IsRefusedBeforeItRuns()
    {
        await using var bot = PlaygroundBot.Start();
        using var content = new StringContent(bot.Command("screen @Eve backend-senior", "Eve").ToJsonString(), Encoding.UTF8, "text/plain");

        using var response = await bot.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty((await bot.FeedAsync())["activities"]!.AsArray());
    }

    [Fact]
    public async Task Command_ToANonLoopbackHostName_IsRefusedBeforeItRuns()
    {
        await using var bot = PlaygroundBot.Start();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(bot.Command("screen @Eve backend-senior", "Eve").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "rebound.example";

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await bot.FeedAsync())["activities"]!.AsArray());
    }

    [Fact]
    public async Task Invite_SameCandidateTwice_ReusesTheirConversationAndRefusesTheSecondScreen()
    {
        await using var bot = PlaygroundBot.Start();
        await bot.SendAsync(bot.Command("screen @Ada backend-senior", "Ada"));

        var second = Assert.Single(await bot.SendAsync(bot.Command("screen @Ada backend-mid", "Ada")));

        Assert.Contains("already has a screen in progress", second["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var feed = await bot.FeedAsync();
        Assert.All(feed["activities"]!.AsArray(), item => Assert.Equal(PlaygroundBot.PersonalConversationId("Ada"), item!["conversation"]!["id"]!.GetValue<string>()));
    }
}
