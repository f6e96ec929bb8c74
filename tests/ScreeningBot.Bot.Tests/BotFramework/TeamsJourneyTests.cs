using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>
/// The whole Teams journey over HTTP against the fake Bot Connector: a recruiter types <c>@Screener screen @Jane
/// backend-senior</c> in a hiring channel, Jane is interviewed in a 1:1 chat the bot creates (card buttons and typed
/// answers, normal delivery), and the scorecard lands in the channel as a new thread.
/// </summary>
public sealed class TeamsJourneyTests
{
    private const int MaxTurns = 80;

    [Fact]
    public async Task ScreenCommand_InChannel_InterviewsCandidateInOneToOneAndPostsScorecardToChannel()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        var jane = TeamsUser.Candidate;
        var candidateConversation = TeamsActivities.PersonalConversationId(jane);

        var command = bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", jane);
        var response = await bot.PostAsync(command);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await bot.Connector.WaitForAsync(r => r.Any(x => x.Operation == "reply"), what: "the reply in the channel thread");
        var created = Assert.Single(recorded, r => r.Operation == "createConversation");
        Assert.Equal(jane.Id, created.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, created.Body["tenantId"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, created.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.False(created.Body["isGroup"]!.GetValue<bool>());
        var invited = Assert.Single(recorded, r => r.Operation == "reply");
        Assert.Equal(command["conversation"]!["id"]!.GetValue<string>(), invited.ConversationId);
        Assert.Equal(command["id"]!.GetValue<string>(), invited.ActivityId);
        Assert.Contains("Invited @Jane Doe", invited.Text, StringComparison.Ordinal);
        var consent = Assert.Single(recorded, r => r.ConversationId == candidateConversation && r.InputHint == "expectingInput");
        Assert.NotNull(consent.Card);
        Assert.Equal("1.5", consent.Card!["version"]!.GetValue<string>());

        var candidate = new ScriptedCandidate(TestProfiles.BackendSenior, Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml"));
        var prompt = consent;
        var turns = 0;
        var usedButton = false;
        var typedAnswer = false;
        while (prompt.InputHint != "ignoringInput")
        {
            Assert.True(++turns <= MaxTurns, $"The interview did not end within {MaxTurns} answers; last prompt: {prompt.Text}");
            var seen = bot.Connector.Activities.Count(a => a.ConversationId == candidateConversation && a.ActivityType == "message");
            var (text, submit) = candidate.Answer(prompt.Activity!);
            usedButton |= submit is not null;
            typedAnswer |= text is not null;
            var answer = submit is not null ? bot.Activities.CardSubmit(jane, submit) : bot.Activities.PersonalMessage(jane, text!);

            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(answer)).StatusCode);

            var after = await bot.Connector.WaitForAsync(
                r => Messages(r, candidateConversation).Skip(seen).Any(a => a.InputHint is "expectingInput" or "ignoringInput"),
                what: $"the bot's answer to turn {turns}");
            prompt = Messages(after, candidateConversation).Skip(seen).Last(a => a.InputHint is "expectingInput" or "ignoringInput");
        }

        Assert.True(usedButton, "some answers should have been card button clicks");
        Assert.True(typedAnswer, "some answers should have been typed");
        var all = await bot.Connector.WaitForAsync(r => r.Any(IsScorecardThread), TimeSpan.FromSeconds(30), "the scorecard thread in the hiring channel");
        var scorecard = Assert.Single(all, IsScorecardThread);
        Assert.True(scorecard.Body!["isGroup"]!.GetValue<bool>());
        Assert.Equal(TeamsActivities.TenantId, scorecard.Body["tenantId"]!.GetValue<string>());
        var card = scorecard.Card!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("Jane", card.ToJsonString(), StringComparison.Ordinal);
        // Teams' bot message limit is about 100 KB counted as UTF-16; keep well under it.
        Assert.InRange(scorecard.Activity!.ToJsonString().Length * 2, 1, 80_000);

        // The offline judge answers in well under a millisecond: no turn lasts long enough to need "typing…".
        Assert.DoesNotContain(bot.Connector.Activities, a => a.ConversationId == candidateConversation && a.ActivityType == "typing");
        var calls = bot.Connector.Requests.Where(r => r.Operation != "token").ToList();
        Assert.All(calls, r => Assert.Equal("Bearer " + bot.Connector.AccessToken, r.Authorization));
        var token = Assert.Single(bot.Connector.Requests, r => r.Operation == "token");
        Assert.Contains(TeamsBotHarness.AppTenantId, token.Path, StringComparison.Ordinal);
        Assert.Equal("client_credentials", token.Form["grant_type"]);
        Assert.Equal(TeamsBotHarness.AppId, token.Form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", token.Form["scope"]);
    }

    [Fact]
    public async Task SlowJudge_CandidateSeesTypingBeforeTheNextQuestion()
    {
        await using var bot = await TeamsBotHarness.StartAsync(configureServices: services =>
            services.AddSingleton<IAnswerJudge>(new SlowJudge(new RubricJudge(), TypingIndicator.FirstDelay * 3)));
        var jane = TeamsUser.Candidate;
        var conversation = TeamsActivities.PersonalConversationId(jane);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", jane))).StatusCode);
        var recorded = await bot.Connector.WaitForAsync(r => Messages(r, conversation).Any(a => a.InputHint == "expectingInput"), what: "the consent prompt");
        var prompt = Messages(recorded, conversation).Last(a => a.InputHint == "expectingInput");
        var candidate = new ScriptedCandidate(TestProfiles.BackendSenior, Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml"));

        // Consent and knockouts are not judged; the first custom answer is.
        for (var turn = 1; !bot.Connector.Activities.Any(a => a.ConversationId == conversation && a.ActivityType == "typing"); turn++)
        {
            Assert.True(turn <= 10, "no typing indicator during the first judged answers");
            var seen = Messages(bot.Connector.Requests, conversation).Count();
            var (text, submit) = candidate.Answer(prompt.Activity!);
            Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(submit is not null ? bot.Activities.CardSubmit(jane, submit) : bot.Activities.PersonalMessage(jane, text!))).StatusCode);
            var after = await bot.Connector.WaitForAsync(r => Messages(r, conversation).Skip(seen).Any(a => a.InputHint == "expectingInput"), what: $"the answer to turn {turn}");
            prompt = Messages(after, conversation).Skip(seen).Last(a => a.InputHint == "expectingInput");
        }

        var activities = bot.Connector.Activities.Where(a => a.ConversationId == conversation).ToList();
        var typing = activities.FindIndex(a => a.ActivityType == "typing");
        Assert.True(typing < activities.FindLastIndex(a => a.ActivityType == "message"), "the indicator must come before the question it announces");
        Assert.Equal("message", activities[^1].ActivityType);
    }

    private static bool IsScorecardThread(RecordedRequest request) =>
        request.Operation == "createConversation" && request.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>() == TeamsActivities.ChannelId && request.Card is not null;

    private static IEnumerable<RecordedRequest> Messages(IReadOnlyList<RecordedRequest> requests, string conversationId) =>
        requests.Where(r => r.Operation is "send" or "reply" && r.ConversationId == conversationId && r.ActivityType == "message");
}
