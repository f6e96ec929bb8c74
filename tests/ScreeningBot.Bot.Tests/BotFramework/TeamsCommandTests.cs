using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>Recruiter commands typed in a Teams channel, read back from expectReplies response bodies.</summary>
public sealed class TeamsCommandTests
{
    [Theory]
    [InlineData("help", "I run structured first-round screens")]
    [InlineData("profiles", "`backend-senior`")]
    [InlineData("status", "Latest screens")]
    [InlineData("dance", "I don't know the command")]
    public async Task ChannelCommand_FromARecruiter_AnswersInTheThread(string command, string expected)
    {
        await using var bot = await TeamsBotHarness.StartAsync();

        var text = await CommandAsync(bot, TeamsUser.Recruiter, command);

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelCommand_UnknownVerb_ShowsTheUsageWithTheBotsMention()
    {
        await using var bot = await TeamsBotHarness.StartAsync();

        var text = await CommandAsync(bot, TeamsUser.Recruiter, "dance");

        Assert.Contains("`@Screener screen @candidate profile-id`", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelCommand_FromSomeoneNotARecruiter_IsRefusedWithTheirId()
    {
        await using var bot = await TeamsBotHarness.StartAsync();

        var text = await CommandAsync(bot, TeamsUser.Stranger, "status");

        Assert.Contains("only recruiters", text, StringComparison.Ordinal);
        Assert.Contains(TeamsUser.Stranger.AadObjectId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelCommand_FromAMemberOfARecruiterTeam_IsAllowed()
    {
        await using var bot = await TeamsBotHarness.StartAsync(new Dictionary<string, string?> { ["Screening:RecruiterTeams:0"] = TeamsActivities.TeamId });

        var text = await CommandAsync(bot, TeamsUser.Stranger, "status");

        Assert.Contains("Latest screens", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreenCommand_CandidateWithAHostileName_ReplyThroughTheConnectorShowsTheNameAsTypedWithNoLinkOrMarkup()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        var mallory = new TeamsUser("29:1candidate-mallory", "Mallory " + Rendering.ScorecardFixtures.Payload, "dddddddd-4444-4000-8000-000000000004");

        // Teams writes the mention tag's name HTML-encoded, in the text and in the entity alike.
        var tag = $"<at>{WebUtility.HtmlEncode(mallory.Name)}</at>";
        var command = bot.Activities.ChannelMessage(TeamsUser.Recruiter, $"screen {tag} backend-senior", mallory);
        command["entities"]!.AsArray().Single(e => (string?)e!["mentioned"]?["id"] == mallory.Id)!["text"] = tag;

        var response = await bot.PostAsync(command);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await bot.Connector.WaitForAsync(r => r.Any(x => x.Operation == "reply"), what: "the reply in the channel thread");
        var invited = Assert.Single(recorded, r => r.Operation == "reply");
        Assert.Equal("markdown", invited.Activity!["textFormat"]!.GetValue<string>());
        Commands.InertReplies.AssertInertMarkdown(invited.Text!);
        Assert.StartsWith($"Invited @{mallory.Name} to the Senior Backend Developer screen", Markdig.Markdown.ToPlainText(invited.Text!).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalMessage_WithoutAScreen_ExplainsTheBotWillWrite()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        var message = bot.Activities.PersonalMessage(TeamsUser.Stranger, "hello?");
        message["deliveryMode"] = "expectReplies";

        var response = await bot.PostAsync(message);

        var reply = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray());
        Assert.Contains("I'll message you here", reply!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<string> CommandAsync(TeamsBotHarness bot, TeamsUser from, string command)
    {
        var activity = bot.Activities.ChannelMessage(from, command);
        activity["deliveryMode"] = "expectReplies";
        var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray());
        Assert.Equal(activity["conversation"]!["id"]!.GetValue<string>(), reply!["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("markdown", reply["textFormat"]!.GetValue<string>());
        return reply["text"]!.GetValue<string>();
    }
}
