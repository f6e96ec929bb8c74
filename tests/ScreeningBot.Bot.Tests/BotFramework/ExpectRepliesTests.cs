using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary><c>deliveryMode: "expectReplies"</c>: the replies come back in the HTTP response body and nothing goes through the connector.</summary>
public sealed class ExpectRepliesTests
{
    [Fact]
    public async Task ExpectReplies_WholeInterview_IsDrivenThroughResponseBodiesAlone()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        var jane = TeamsUser.Candidate;
        var conversation = TeamsActivities.PersonalConversationId(jane);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", jane))).StatusCode);
        var started = await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.InputHint == "expectingInput"), what: "the consent question");
        var sentThroughConnector = started.Count(x => x.ConversationId == conversation);
        var candidate = new ScriptedCandidate(TestProfiles.BackendSenior, Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml"));
        var prompt = started.Last(x => x.ConversationId == conversation && x.InputHint == "expectingInput").Activity!;

        var turns = 0;
        while (prompt["inputHint"]?.GetValue<string>() != "ignoringInput")
        {
            Assert.True(++turns <= 80, "the interview did not end within 80 answers");
            var (text, submit) = candidate.Answer(prompt);
            var answer = submit is not null ? bot.Activities.CardSubmit(jane, submit) : bot.Activities.PersonalMessage(jane, text!);
            answer["deliveryMode"] = "expectReplies";

            var response = await bot.PostAsync(answer);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
            Assert.NotEmpty(replies);
            Assert.All(replies, r =>
            {
                Assert.Equal(conversation, r!["conversation"]!["id"]!.GetValue<string>());
                Assert.Equal(jane.Id, r["recipient"]!["id"]!.GetValue<string>());
                Assert.Equal(answer["id"]!.GetValue<string>(), r["replyToId"]!.GetValue<string>());
            });
            prompt = replies.Last(r => r!["inputHint"]?.GetValue<string>() is "expectingInput" or "ignoringInput")!;
        }

        Assert.True(turns > 10, $"a full interview takes more than 10 answers, this one took {turns}");
        // The scorecard still goes to the hiring channel through the connector; the candidate got nothing more that way.
        await bot.Connector.WaitForAsync(r => r.Any(x => x.Operation == "createConversation" && x.Card is not null), TimeSpan.FromSeconds(30), "the scorecard");
        Assert.Equal(sentThroughConnector, bot.Connector.Requests.Count(x => x.ConversationId == conversation));
    }
}
