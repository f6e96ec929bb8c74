using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>
/// Issue 21, racing answers, on the real host: two different messages the candidate sent at once while one question waited
/// reach the bot as two concurrent requests. One answers that question; the other was written before the next question
/// existed, so it is kept in the transcript and the next question is shown again rather than answered by it.
/// </summary>
public sealed class RacingAnswersTests
{
    private const string First = "I built the invoicing API: idempotency keys on every POST, cursor pagination and a versioned error format.";
    private const string Second = "Sorry, one more thing on that API: we kept every old version alive for a year and measured who still used it.";

    [Fact]
    public async Task TwoMessagesSentAtOnce_OneAnswersTheQuestionTheOtherIsKeptAndTheNextQuestionShownAgain()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        var jane = TeamsUser.Candidate;
        var conversation = TeamsActivities.PersonalConversationId(jane);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", jane))).StatusCode);
        var started = await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.InputHint == "expectingInput"), what: "the consent question");
        var prompt = started.Last(x => x.ConversationId == conversation && x.InputHint == "expectingInput").Activity!;
        var candidate = new ScriptedCandidate(TestProfiles.BackendSenior, Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml"));
        for (var turns = 0; !Text(prompt).Contains("**Question 1 of", StringComparison.Ordinal); turns++)
        {
            Assert.True(turns < 20, "the first custom question did not come within 20 answers");
            var (text, submit) = candidate.Answer(prompt);
            prompt = LastPrompt(await SendAsync(bot, submit is not null ? bot.Activities.CardSubmit(jane, submit) : bot.Activities.PersonalMessage(jane, text!)));
        }

        // Sent at once: Teams stamps both with the same moment. Posted concurrently, so either may run first.
        var sentAt = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var first = bot.Activities.PersonalMessage(jane, First);
        var second = bot.Activities.PersonalMessage(jane, Second);
        first["timestamp"] = sentAt;
        second["timestamp"] = sentAt;
        var replies = await Task.WhenAll(SendAsync(bot, first), SendAsync(bot, second));

        var crossed = Assert.Single(replies, r => r.Any(a => Text(a) == CandidateLanguages.English.Texts.AnswerCrossed));
        var answered = Assert.Single(replies, r => r != crossed);
        var (winner, loser) = replies[0] == answered ? (First, Second) : (Second, First);
        var next = Text(LastPrompt(answered));
        Assert.DoesNotContain("**Question 1 of", next, StringComparison.Ordinal);
        Assert.Equal(next, Text(LastPrompt(crossed)));

        // The winner answered the first question (judged, or kept for its follow-up); the loser answered nothing.
        var stored = (await bot.Factory.Services.GetRequiredService<IInterviewStore>().FindByConversationAsync("msteams:" + conversation, CancellationToken.None))!.Interview;
        if (stored.Position.WorkingAnswer is { } working)
        {
            Assert.Equal(winner, working);
            Assert.DoesNotContain(stored.Record.Answers, a => a.Kind == QuestionKind.Custom);
        }
        else
        {
            Assert.Equal(winner.Length, Assert.Single(stored.Record.Answers, a => a.Kind == QuestionKind.Custom).AnswerLength);
        }

        var transcript = await bot.Factory.Services.GetRequiredService<ITranscriptStore>().ReadAsync(stored.Id, CancellationToken.None);
        var lastTwo = transcript.Where(t => t.Speaker == Speaker.Candidate).TakeLast(2).ToArray();
        Assert.Equal([winner, loser], lastTwo.Select(t => t.Text));
        Assert.Null(lastTwo[1].QuestionId);
    }

    private static async Task<JsonArray> SendAsync(TeamsBotHarness bot, JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var response = await bot.PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the bot answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["activities"]!.AsArray();
    }

    private static JsonNode LastPrompt(JsonArray replies) => replies.Last(r => r!["inputHint"]?.GetValue<string>() is "expectingInput" or "ignoringInput")!;

    private static string Text(JsonNode? activity) => activity?["text"]?.GetValue<string>() ?? string.Empty;
}
