using System.Net;
using Microsoft.Extensions.Configuration;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Tests.Slack;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.InterviewLinks;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>
/// The whole journey of a candidate outside the workspace, over HTTP against the real bot: a recruiter's
/// <c>screen jane@example.com backend-senior</c> in Teams or Slack (or the <c>invite</c> verb), the link's page, consent,
/// the interview through the page's API, and the scorecard posted to the hiring channel through the fake Bot Connector or
/// the fake Slack Web API, exactly as for a candidate interviewed in chat.
/// </summary>
public sealed class InterviewLinkJourneyTests
{
    private static readonly string StrongScript = Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml");

    [Fact]
    public async Task Teams_ScreenByEmail_InterviewOnTheLinkPostsTheScorecardThreadInTheChannel()
    {
        await using var bot = await TeamsBotHarness.StartAsync(LinkBot.Settings);

        var command = bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen jane.doe@example.com backend-senior");
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(command)).StatusCode);

        var recorded = await bot.Connector.WaitForAsync(r => r.Any(x => x.Operation == "reply"), what: "the answer in the channel thread");
        var invited = Assert.Single(recorded, r => r.Operation == "reply");
        Assert.Contains("Invited Jane Doe (jane.doe@example.com) to the **Senior Backend Developer** screen", invited.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(recorded, r => r.Operation == "createConversation"); // nobody in the tenant to open a chat with
        var link = InterviewLinkClient.LinkIn(invited.Text!);
        Assert.StartsWith(LinkBot.BaseUrl + "/interview/", link, StringComparison.Ordinal);

        var jane = new InterviewLinkClient(bot.Client, link);
        using (var page = await jane.GetPageAsync())
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var (answers, clicked, typed) = await jane.AnswerAllAsync(TestProfiles.BackendSenior, StrongScript);

        Assert.True(clicked && typed, "some answers should be clicked buttons and some typed");
        Assert.InRange(answers, 10, 80);
        Assert.Equal("completed", (string?)jane.State!["outcome"]);
        Assert.Contains("That's everything, Jane", jane.BotTexts.Last(), StringComparison.Ordinal);
        var all = await bot.Connector.WaitForAsync(r => r.Any(IsScorecardThread), TimeSpan.FromSeconds(30), "the scorecard thread in the hiring channel");
        var scorecard = Assert.Single(all, IsScorecardThread);
        Assert.Equal("AdaptiveCard", scorecard.Card!["type"]!.GetValue<string>());
        Assert.Contains("Jane Doe", scorecard.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", scorecard.Card.ToJsonString(), StringComparison.Ordinal);
        // The scorecard is the hiring team's: the candidate's page shows none of it, then or later.
        var score = System.Text.RegularExpressions.Regex.Match(scorecard.Card.ToJsonString(), @"\d{1,3}/100").Value;
        Assert.NotEmpty(score);
        var later = await jane.ReadAsync();
        Assert.Empty(later["messages"]!.AsArray());
        Assert.DoesNotContain(jane.Messages, m => ((string)m["text"]!).Contains("/100", StringComparison.Ordinal));
        Assert.DoesNotContain("/100", later.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/reports/", string.Concat(jane.Messages.Select(m => m.ToJsonString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_ScreenByEmail_InterviewOnTheLinkPostsBlockKitToTheHiringChannel()
    {
        await using var sut = await SlackBotHarness.StartAsync(LinkBot.Settings);

        var ack = await sut.SendAsync(sut.Requests.Command("\"Jane Doe\" <mailto:jane@example.com|jane@example.com> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite"), "rita"));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var confirmation = await sut.WaitForAsync(c => c.Method == "response_url:invite", "the invitation with the link");
        var text = SlackMrkdwn.Unescape(confirmation.BlockText);
        Assert.Contains("Invited Jane Doe (jane@example.com)", text, StringComparison.Ordinal);
        Assert.Equal("ephemeral", (string?)confirmation.Body["response_type"]);
        Assert.DoesNotContain(sut.Slack.Calls, c => c.Method is "conversations.open" or "users.info");

        var jane = new InterviewLinkClient(sut.Client, InterviewLinkClient.LinkIn(text));
        await jane.AnswerAllAsync(TestProfiles.BackendSenior, StrongScript);

        var scorecard = await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == SlackBotHarness.HiringChannel, "the scorecard in the hiring channel");
        Assert.Matches(@"(Strong Yes|Yes|Maybe|No) · \d{1,3}/100 · Jane Doe", (string)scorecard.Blocks[0]!["text"]!["text"]!);
        Assert.DoesNotContain(sut.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel != SlackBotHarness.HiringChannel);

        // status, shortlist, report and forget treat her like a candidate interviewed in chat, and find her by address.
        var status = await CommandAsync(sut, "status jane@example.com", "status");
        Assert.Contains("Jane Doe, `backend-senior`: Completed", status, StringComparison.Ordinal);
        var shortlist = await CommandAsync(sut, "shortlist backend-senior", "shortlist");
        Assert.Matches(@"\n1\. Jane Doe: \*\d{1,3}/100 ", shortlist);
        var report = await CommandAsync(sut, "report jane@example.com", "report");
        Assert.Contains("Scorecard for Jane Doe", report, StringComparison.Ordinal);
        await CommandAsync(sut, "forget jane@example.com confirm", "forget");
        using var page = await jane.GetPageAsync();
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Cli_InviteWithASlackChannel_TheRunningBotPostsTheScorecardThere()
    {
        await using var sut = await SlackBotHarness.StartAsync(LinkBot.Settings);
        var settings = CliSettings(sut.Bot);
        settings["Slack:BotToken"] = FakeSlackApi.BotToken;

        var (exitCode, output, error) = await InviteAsync(settings, "--profile", "backend-senior", "--name", "Jane Doe", "--email", "jane@example.com", "--channel", "slack:" + SlackBotHarness.HiringChannel);

        Assert.True(exitCode == 0, error);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("Invited Jane Doe (jane@example.com) to the Senior Backend Developer screen (iv-", lines[0], StringComparison.Ordinal);
        Assert.Contains($"The scorecard goes to Slack channel {SlackBotHarness.HiringChannel} when they finish.", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^https://screening\.example\.com/interview/lk-[a-z2-7]{20}\.lc-[a-z2-7]{16}\.\d+\.[A-Za-z0-9_-]{43}$", lines[^1]);
        var jane = new InterviewLinkClient(sut.Client, lines[^1]);
        await jane.ReadAsync();
        await jane.ClickAsync("yes");
        await jane.SendTextAsync("1");

        Assert.Equal("knocked-out", (string?)jane.State!["outcome"]);
        var scorecard = await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == SlackBotHarness.HiringChannel, "the scorecard in the channel named on the command line");
        Assert.EndsWith("No · 0/100 · Jane Doe", (string)scorecard.Blocks[0]!["text"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_InviteWithATeamsChannel_TheRunningBotStartsTheScorecardThreadThere()
    {
        await using var bot = await TeamsBotHarness.StartAsync(LinkBot.Settings);
        var settings = CliSettings(bot.Factory);
        settings["MicrosoftAppId"] = TeamsBotHarness.AppId;
        settings["MicrosoftAppTenantId"] = TeamsBotHarness.AppTenantId;
        settings["InterviewLinks:TeamsServiceUrl"] = bot.Connector.ServiceUrl;

        var (exitCode, output, error) = await InviteAsync(settings, "--profile", "backend-senior", "--name", "Jane Doe", "--channel", "teams:" + TeamsActivities.ChannelId);

        Assert.True(exitCode == 0, error);
        var jane = new InterviewLinkClient(bot.Client, output.TrimEnd().Split('\n')[^1]);
        await jane.ReadAsync();
        await jane.ClickAsync("yes");
        await jane.SendTextAsync("1");
        var all = await bot.Connector.WaitForAsync(r => r.Any(IsScorecardThread), TimeSpan.FromSeconds(30), "the scorecard thread in the channel named on the command line");
        var thread = Assert.Single(all, IsScorecardThread);
        Assert.Equal(TeamsBotHarness.AppTenantId, thread.Body!["tenantId"]!.GetValue<string>());
        Assert.Equal("28:" + TeamsBotHarness.AppId, thread.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Contains("Jane Doe", thread.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>What the command line reads: the running bot's storage and profiles, and the same link settings.</summary>
    private static Dictionary<string, string?> CliSettings(BotAppFactory bot)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(bot.DataDirectory, "bot.db"),
            ["Screening:ProfilesPath"] = RepositoryPaths.Profiles,
            ["Judge:Provider"] = "Rubric",
        };
        foreach (var (key, value) in LinkBot.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<(int ExitCode, string Output, string Error)> InviteAsync(Dictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var exitCode = await CommandLine.RunAsync(["invite", .. args], new CliContext(TextReader.Null, output, error, configuration, TimeProvider.System), CancellationToken.None);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    private static async Task<string> CommandAsync(SlackBotHarness sut, string text, string name)
    {
        Assert.Equal(HttpStatusCode.OK, (await sut.SendAsync(sut.Requests.Command(text, SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl(name), "rita"))).StatusCode);
        var answer = await sut.WaitForAsync(c => c.Method == "response_url:" + name, $"the answer to `{text}`");
        return SlackMrkdwn.Unescape(answer.BlockText);
    }

    private static bool IsScorecardThread(RecordedRequest request) =>
        request.Operation == "createConversation" && request.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>() == TeamsActivities.ChannelId && request.Card is not null;
}
