using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.Slack;
using ScreeningBot.Bot.Tests.Slack;

namespace ScreeningBot.Bot.Tests.Compliance;

/// <summary>
/// Erasure reaches the channel, through the real bot over HTTP: the scorecard a screen posted in the hiring channel is
/// deleted on the fake Bot Connector (<c>DELETE v3/conversations/{id}/activities/{activityId}</c>) and on the fake Slack Web
/// API (<c>chat.delete</c>), the report link stops opening, what could not be reached is reported and retried, and a
/// candidate who declines gets a "not screened" notice instead of a scorecard.
/// </summary>
public sealed class ChannelErasureTests
{
    private const string Candidate = "UJANE";
    private static readonly string CandidateDm = FakeSlackApi.DirectMessageChannel(Candidate);

    [Fact]
    public async Task Slack_ForgetConfirmed_DeletesThePostedScorecardAndSaysWhatWasRemoved()
    {
        ObservedPostedMessageStore? posted = null;
        await using var sut = await SlackBotHarness.StartAsync(configureServices: s => ObservedPostedMessageStore.Register(s, o => posted = o));
        var scorecard = await KnockOutOnSlackAsync(sut);
        await sut.Bot.Services.GetRequiredService<IPostedMessageStore>().ListAsync(Candidate, CancellationToken.None);
        await posted!.FirstSaved;

        await sut.SendAsync(sut.Requests.Command($"forget <@{Candidate}|jane> confirm", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("forget")));

        var answer = await sut.WaitForAsync(c => c.Method == "response_url:forget", "the answer to forget");
        var delete = Assert.Single(sut.Slack.Calls, c => c.Method == "chat.delete");
        Assert.Equal(SlackBotHarness.HiringChannel, delete.Channel);
        Assert.Equal(sut.Slack.TsOf(scorecard), (string?)delete.Body["ts"]);
        Assert.False(sut.Slack.HasMessage(SlackBotHarness.HiringChannel, sut.Slack.TsOf(scorecard)));
        Assert.Contains("removed 1 message the bot had posted about them", SlackMrkdwn.Unescape(answer.BlockText), StringComparison.Ordinal);
        var services = sut.Bot.Services;
        Assert.Empty(await services.GetRequiredService<IPostedMessageStore>().ListAsync(Candidate, CancellationToken.None));
        Assert.Empty(await services.GetRequiredService<IInterviewStore>().ListAsync(new InterviewQuery(CandidateId: Candidate), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Slack_ForgetWhenSlackRefusesTheDelete_ReportsTheMessageAndTheNextRunRemovesIt()
    {
        ObservedPostedMessageStore? posted = null;
        await using var sut = await SlackBotHarness.StartAsync(configureServices: s => ObservedPostedMessageStore.Register(s, o => posted = o));
        var scorecard = await KnockOutOnSlackAsync(sut);
        await sut.Bot.Services.GetRequiredService<IPostedMessageStore>().ListAsync(Candidate, CancellationToken.None);
        await posted!.FirstSaved;
        sut.Slack.Script("chat.delete", FakeSlackAnswer.Fails("missing_scope"));

        await sut.SendAsync(sut.Requests.Command($"forget <@{Candidate}|jane> confirm", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("first")));
        var first = SlackMrkdwn.Unescape((await sut.WaitForAsync(c => c.Method == "response_url:first", "the first answer")).BlockText);
        await sut.SendAsync(sut.Requests.Command($"forget <@{Candidate}|jane> confirm", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("second")));
        var second = SlackMrkdwn.Unescape((await sut.WaitForAsync(c => c.Method == "response_url:second", "the second answer")).BlockText);

        Assert.Contains("1 message could not be removed", first, StringComparison.Ordinal);
        Assert.Contains($"message `{sut.Slack.TsOf(scorecard)}`", first, StringComparison.Ordinal);
        Assert.Contains("the Slack app lacks a permission", first, StringComparison.Ordinal);
        Assert.Contains("0 screens", second, StringComparison.Ordinal);
        Assert.Contains("removed 1 message", second, StringComparison.Ordinal);
        Assert.False(sut.Slack.HasMessage(SlackBotHarness.HiringChannel, sut.Slack.TsOf(scorecard)));
    }

    [Fact]
    public async Task Slack_DeclinedConsent_PostsANotScreenedNoticeWithoutAScore()
    {
        await using var sut = await SlackBotHarness.StartAsync();
        sut.Slack.AddUser(Candidate, "Jane Doe");
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm, "the welcome");

        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "no"));

        var notice = await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == SlackBotHarness.HiringChannel, "the notice in the hiring channel");
        Assert.Equal("Not screened: declined the automated screen", (string?)notice.Blocks[0]!["text"]!["text"]);
        Assert.Contains("Jane Doe chose not to take the automated screen", SlackMrkdwn.Unescape(notice.BlockText), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+/100", notice.BlockText + notice.Text);
        Assert.DoesNotContain("Recommendation", notice.BlockText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_HumanMidScreen_PostsAnAskedForAPersonNoticeWithoutAScoreAndAuditsIt()
    {
        await using var sut = await SlackBotHarness.StartAsync();
        sut.Slack.AddUser(Candidate, "Jane Doe");
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        var welcome = await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("not a person", StringComparison.Ordinal), "the notice");
        Assert.Contains("type *human*", SlackMrkdwn.Unescape(welcome.BlockText), StringComparison.Ordinal);
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "yes"));
        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("years", StringComparison.Ordinal), "the first knockout question");

        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "human"));

        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("talk to a person", StringComparison.Ordinal), "the candidate's confirmation");
        var notice = await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == SlackBotHarness.HiringChannel, "the notice in the hiring channel");
        Assert.Equal("Not screened: asked for an interview with a person", (string?)notice.Blocks[0]!["text"]!["text"]);
        Assert.Contains("Jane Doe asked to speak to a person instead of taking the automated screen", SlackMrkdwn.Unescape(notice.BlockText), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+/100", notice.BlockText + notice.Text);
        var audit = sut.Bot.Services.GetRequiredService<IAuditLog>();
        var actions = (await audit.ReadAsync(0, 100, CancellationToken.None)).Select(r => AuditChain.Parse(r)!.Event.Action).ToArray();
        Assert.Equal([AuditAction.Invited, AuditAction.ConsentGiven, AuditAction.OptedOut], actions.Take(3));
        Assert.True((await AuditChain.VerifyAsync(audit, CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task Slack_SelfIdentificationOn_AnswersGoToTheirOwnStoreAndOnlyCountsReachTheRecruiter()
    {
        await using var sut = await SlackBotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Screening:SelfIdentification"] = "true",
            ["Reports:BaseUrl"] = "https://screener.example",
            ["Reports:SigningKey"] = new string('k', 48),
        });
        await KnockOutOnSlackAsync(sut);
        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("How do you describe your gender?", StringComparison.Ordinal), "the gender question");

        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "Woman"));
        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("race or ethnicity", StringComparison.Ordinal), "the race/ethnicity question");
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "Prefer not to say"));
        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("Thank you. That's everything", StringComparison.Ordinal), "the thanks");

        var services = sut.Bot.Services;
        var interview = Assert.Single(await services.GetRequiredService<IInterviewStore>().ListAsync(new InterviewQuery(CandidateId: Candidate), 10, CancellationToken.None));
        var record = await services.GetRequiredService<ISelfIdentificationStore>().GetAsync(interview.Id, CancellationToken.None);
        Assert.Equal((SexCategory.Female, RaceEthnicityCategory.PreferNotToSay), (record?.Sex, record?.RaceEthnicity));
        var transcript = await services.GetRequiredService<ITranscriptStore>().ReadAsync(interview.Id, CancellationToken.None);
        Assert.DoesNotContain(transcript, t => t.Text is "Woman" or "Prefer not to say");

        await sut.SendAsync(sut.Requests.Command("impact backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("impact")));
        var impact = SlackMrkdwn.Unescape((await sut.WaitForAsync(c => c.Method == "response_url:impact", "the impact report")).BlockText);
        Assert.Contains("1 screened candidate with a self-identification record and a scorecard", impact, StringComparison.Ordinal);
        Assert.Contains("Female: fewer than 5, not judged", impact, StringComparison.Ordinal);

        await sut.SendAsync(sut.Requests.Command($"export-candidate <@{Candidate}|jane>", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("export")));
        var export = SlackMrkdwn.Unescape((await sut.WaitForAsync(c => c.Method == "response_url:export", "the export")).BlockText);
        Assert.Contains("Everything stored about", export, StringComparison.Ordinal);
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(export, @"https://screener\.example/[^\s>|]+").Value);
        using var download = await sut.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var json = await download.Content.ReadAsStringAsync();
        Assert.Contains(interview.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain("Female", json, StringComparison.Ordinal); // recruiters never see self-identification one by one
    }

    [Fact]
    public async Task Teams_ForgetConfirmed_DeletesTheScorecardThreadsActivityAndTheReportLinkStopsOpening()
    {
        ObservedPostedMessageStore? posted = null;
        await using var bot = await TeamsBotHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Reports:BaseUrl"] = "https://screener.example",
                ["Reports:SigningKey"] = new string('k', 48),
            },
            s => ObservedPostedMessageStore.Register(s, o => posted = o));
        var jane = TeamsUser.Candidate;
        var thread = await KnockOutOnTeamsAsync(bot, jane);
        await bot.Factory.Services.GetRequiredService<IPostedMessageStore>().ListAsync(jane.Id, CancellationToken.None);
        await posted!.FirstSaved;
        var threadId = thread.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>();
        var reportUrl = new Uri(thread.Card!["actions"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync(new Uri(reportUrl.PathAndQuery, UriKind.Relative))).StatusCode);

        await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "forget <at>Jane Doe</at> confirm", jane));

        var recorded = await bot.Connector.WaitForAsync(r => r.Any(x => x.Operation == "reply" && x.Text?.Contains("Deleted everything", StringComparison.Ordinal) == true), what: "the answer to forget");
        var delete = Assert.Single(recorded, r => r.Operation == "delete");
        Assert.StartsWith(threadId + ";messageid=", delete.ConversationId, StringComparison.Ordinal);
        Assert.False(bot.Connector.IsLive(delete.ConversationId!, delete.ActivityId!));
        Assert.Equal("Bearer " + bot.Connector.AccessToken, delete.Authorization);
        Assert.Contains("removed 1 message", recorded.Last(r => r.Operation == "reply").Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync(new Uri(reportUrl.PathAndQuery, UriKind.Relative))).StatusCode);

        var audit = bot.Factory.Services.GetRequiredService<IAuditLog>();
        var verification = await AuditChain.VerifyAsync(audit, CancellationToken.None);
        Assert.True(verification.IsIntact, verification.Problem);
        var actions = (await audit.ReadAsync(0, 100, CancellationToken.None)).Select(r => AuditChain.Parse(r)!.Event).ToArray();
        Assert.Equal([AuditAction.Invited, AuditAction.ConsentGiven, AuditAction.Ended, AuditAction.Recommended, AuditAction.Erased], actions.Select(e => e.Action));
        Assert.Equal(AuditActors.Candidate, actions.Single(e => e.Action == AuditAction.ConsentGiven).Actor);
        Assert.All(actions, e => Assert.Equal(AuditActors.CandidateRef(jane.Id), e.Candidate));
        Assert.Equal(AuditActors.Recruiter(TeamsUser.Recruiter.AadObjectId!), actions.Single(e => e.Action == AuditAction.Erased).Actor);
        Assert.DoesNotContain(actions, e => (e.Detail ?? string.Empty).Contains("Jane", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_ForgetWhereTheChannelWillNotDelete_OverwritesTheMessageInstead()
    {
        ObservedPostedMessageStore? posted = null;
        await using var bot = await TeamsBotHarness.StartAsync(configureServices: s => ObservedPostedMessageStore.Register(s, o => posted = o));
        var jane = TeamsUser.Candidate;
        await KnockOutOnTeamsAsync(bot, jane);
        await bot.Factory.Services.GetRequiredService<IPostedMessageStore>().ListAsync(jane.Id, CancellationToken.None);
        await posted!.FirstSaved;
        bot.Connector.FailNext(r => r.Operation == "delete", HttpStatusCode.MethodNotAllowed, errorCode: "MethodNotAllowed");

        await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "forget <at>Jane Doe</at> confirm", jane));

        var recorded = await bot.Connector.WaitForAsync(r => r.Any(x => x.Operation == "reply" && x.Text?.Contains("Deleted everything", StringComparison.Ordinal) == true), what: "the answer to forget");
        var update = Assert.Single(recorded, r => r.Operation == "update");
        Assert.Equal(Channels.ChannelRemovalText.Tombstone, update.Text);
        Assert.Null(update.Card);
        Assert.Contains("removed 1 message", recorded.Last(r => r.Operation == "reply").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_HumanAtConsent_PostsANoticeCardWithoutAScoreToTheHiringChannel()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        var jane = TeamsUser.Candidate;
        var conversation = TeamsActivities.PersonalConversationId(jane);
        await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", jane));
        var consent = await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.InputHint == "expectingInput"), what: "the consent question");
        Assert.Contains(consent, r => r.ConversationId == conversation && (r.Card?.ToJsonString() + r.Text).Contains("not a person", StringComparison.Ordinal));

        await bot.PostAsync(bot.Activities.PersonalMessage(jane, "human"));

        var recorded = await bot.Connector.WaitForAsync(r => r.Any(IsChannelThread), TimeSpan.FromSeconds(30), "the notice thread");
        var card = recorded.Single(IsChannelThread).Card!;
        var body = card["body"]!.AsArray();
        Assert.Equal("Not screened: asked for an interview with a person", body[0]!["text"]!.GetValue<string>());
        Assert.Contains("asked to speak to a person", body[1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(body[2]!["facts"]!.AsArray(), f => f!["title"]!.GetValue<string>() == "Score" && f["value"]!.GetValue<string>() == "none: not screened");
        Assert.DoesNotMatch(@"\d+/100", card.ToJsonString());
        Assert.Contains(recorded, r => r.ConversationId == conversation && r.InputHint == "ignoringInput" && r.Text?.Contains("talk to a person", StringComparison.Ordinal) == true);
    }

    /// <summary>Invites Jane on Slack, she consents and fails the first knockout; returns the scorecard posted in the hiring channel.</summary>
    private static async Task<SlackApiCall> KnockOutOnSlackAsync(SlackBotHarness sut)
    {
        sut.Slack.AddUser(Candidate, "Jane Doe");
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm, "the welcome");
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "yes"));
        await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("years", StringComparison.Ordinal), "the first knockout question");
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "1"));
        return await sut.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == SlackBotHarness.HiringChannel, "the scorecard in the hiring channel");
    }

    /// <summary>Invites Jane on Teams, she consents and fails the first knockout; returns the scorecard thread created in the channel.</summary>
    private static async Task<RecordedRequest> KnockOutOnTeamsAsync(TeamsBotHarness bot, TeamsUser jane)
    {
        var conversation = TeamsActivities.PersonalConversationId(jane);
        await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", jane));
        await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.InputHint == "expectingInput"), what: "the consent question");
        await bot.PostAsync(bot.Activities.PersonalMessage(jane, "yes"));
        await bot.Connector.WaitForAsync(r => r.Count(x => x.ConversationId == conversation && x.InputHint == "expectingInput") >= 2, what: "the first knockout question");
        await bot.PostAsync(bot.Activities.PersonalMessage(jane, "1"));
        var recorded = await bot.Connector.WaitForAsync(r => r.Any(IsChannelThread), TimeSpan.FromSeconds(30), "the scorecard thread");
        return recorded.Single(IsChannelThread);
    }

    private static bool IsChannelThread(RecordedRequest r) => r.Operation == "createConversation" && r.Body?["isGroup"]?.GetValue<bool>() == true;
}
