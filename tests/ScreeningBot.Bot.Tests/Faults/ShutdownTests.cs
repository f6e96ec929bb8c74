using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using ScreeningBot.Bot.Tests.Durability;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.OpenAi;
using Xunit.Abstractions;

namespace ScreeningBot.Bot.Tests.Faults;

/// <summary>
/// SIGTERM reaches a real bot process (a platform recycling the instance) while candidates answer over HTTP, answers wait
/// on a slow LLM judge, one scoring job is half-way through its LLM narrative and another waits in the queue. In-flight
/// turns finish and answer; a message sent after the stop began is either taken or refused, never lost; the process exits
/// within the host's shutdown timeout; the next process posts both scorecards at once, each exactly once.
/// </summary>
public sealed class ShutdownTests(ITestOutputHelper output) : JudgedBotTests
{
    private const int Answering = 4;

    // The first half answer with expectReplies (the request stays open until the turn ends); the others as Teams does
    // (200 at once, the turn goes on in the background and replies through the connector).
    private const int Inline = Answering / 2;

    private volatile Task? _judgments;
    private volatile Task? _narratives;

    [Fact]
    public async Task Sigterm_CandidatesAnsweringAndScoringUnderWay_TurnsFinishJobsSurviveAndTheProcessExitsInTime()
    {
        var settings = Settings();
        var activities = new TeamsActivities(Connector.ServiceUrl, "screener-durability");
        var finishing = new[] { new InterviewDriver(Connector, "Farida Osei", activities), new InterviewDriver(Connector, "Tomás Lindqvist", activities) };
        var answering = Enumerable.Range(0, Answering).Select(i => new InterviewDriver(Connector, $"Candidate {i + 1}", activities)).ToArray();
        var late = new InterviewDriver(Connector, "Late Candidate", activities);
        InterviewDriver[] everyone = [.. finishing, .. answering, late];
        InterviewDriver[] carryingOn = [.. answering, late];
        var stopWatch = new Stopwatch();
        await using (var first = await BotProcess.StartAsync("bot 1", settings))
        {
            foreach (var driver in everyone)
            {
                await driver.StartAsync(first);
            }

            // Two interviews end; the first scoring job stops at its narrative (the model is slow), the second waits behind it.
            var narrativeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _narratives = narrativeGate.Task;
            await Task.WhenAll(finishing.Select(d => FinishAsync(first, d)));
            await Llm.WaitForRequestsAsync(r => r.IsNarrative, 1).WaitAsync(TimeSpan.FromSeconds(60));

            // Four candidates reach a judged question; their answers wait on the judge when SIGTERM arrives, two in open
            // requests, two in turns that go on in the background after their request was answered.
            foreach (var driver in answering)
            {
                await AnswerKnockoutsAsync(first, driver);
            }

            var judgmentGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _judgments = judgmentGate.Task;
            var judgedBefore = Llm.Requests.Count(r => r.IsJudgment);
            var inFlight = answering[..Inline].Select(d => (Driver: d, Answer: d.NextAnswer())).Select(x => (x.Driver, x.Answer, Response: first.PostAsync(x.Answer.Activity))).ToArray();
            var inBackground = new List<(InterviewDriver Driver, string Text, int Prompts)>();
            foreach (var driver in answering[Inline..])
            {
                var (_, text) = driver.NextAnswer();
                var prompts = Prompts(Connector.Requests, driver).Count;
                using var accepted = await first.PostAsync(driver.Activities.PersonalMessage(driver.Candidate, text));
                Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
                inBackground.Add((driver, text, prompts));
            }

            await Llm.WaitForRequestsAsync(r => r.IsJudgment, judgedBefore + Answering).WaitAsync(TimeSpan.FromSeconds(60));

            stopWatch.Start();
            await first.TerminateAsync();
            await first.WaitForOutputAsync("Application is shutting down", TimeSpan.FromSeconds(30));

            // A message sent once the stop has begun: taken (200 with replies) or refused (503 or no connection); never half-taken.
            var (lateAnswer, lateText) = late.NextAnswer();
            var lateTaken = await TryDeliverAsync(first, late, lateAnswer, lateText);

            // The judge answers: every turn under way finishes and answers its candidate, in the response or through the connector.
            _judgments = null;
            judgmentGate.SetResult();
            foreach (var (driver, (_, text), response) in inFlight)
            {
                using var answered = await response;
                var body = await answered.Content.ReadAsStringAsync();
                Assert.True(answered.StatusCode == HttpStatusCode.OK, $"an in-flight turn answered {(int)answered.StatusCode} during shutdown: {body}\n{first.Output()}");
                var replies = JsonNode.Parse(body)!["activities"]!.AsArray();
                Assert.NotEmpty(replies);
                driver.Observe(replies);
                driver.Took(text);
            }

            await first.WaitForExitAsync(TimeSpan.FromSeconds(120));
            stopWatch.Stop();
            foreach (var (driver, text, prompts) in inBackground)
            {
                var sent = Prompts(Connector.Requests, driver);
                Assert.True(sent.Count > prompts, $"{driver.Candidate.Name}'s turn in the background ended without its next question:\n{first.Output()}");
                driver.Observe([sent[^1].Activity!.DeepClone()]);
                driver.Took(text);
            }

            Assert.True(first.ExitCode == 0, $"bot 1 exited with code {first.ExitCode}:\n{first.Output()}");
            output.WriteLine($"bot 1 exited {stopWatch.Elapsed.TotalSeconds:0.0} s after SIGTERM; the message sent after the stop began was {(lateTaken ? "taken" : "refused")}");
            Assert.True(stopWatch.Elapsed < ShutdownTimeout, $"bot 1 took {stopWatch.Elapsed.TotalSeconds:0.0} s to exit after SIGTERM; the host allows {ShutdownTimeout.TotalSeconds} s. Its output:\n{first.Output()}");
            Assert.All(Llm.Requests.Where(r => r.IsNarrative), r => Assert.True(r.ClientGaveUp, "the narrative under way was answered before the stop"));
            Assert.DoesNotContain(Connector.Requests, r => r.Operation == "createConversation" && r.Card is not null);

            _narratives = null;
            await using var second = await BotProcess.StartAsync("bot 2", settings);
            if (!lateTaken)
            {
                var replies = await late.SendAsync(second, lateAnswer);
                Assert.NotEmpty(replies);
                late.Took(lateText);
            }

            // Both scorecards come from the next process at once: the job bot 1 had started is not hidden for its visibility timeout.
            IReadOnlyList<RecordedRequest> posted;
            try
            {
                posted = await Connector.WaitForAsync(r => finishing.All(d => d.ScorecardsIn(r).Count >= 1), TimeSpan.FromSeconds(60), "both scorecards from bot 2");
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message}\nbot 2's output:\n{second.Output()}", e);
            }

            Assert.All(finishing, d => Assert.Single(d.ScorecardsIn(posted)));

            foreach (var driver in carryingOn)
            {
                await driver.AnswerAsync(second);
                await driver.AnswerAsync(second);
            }

            await second.TerminateAsync();
            await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        // Nothing was lost or taken twice, and no job is left to post a second scorecard.
        foreach (var driver in everyone)
        {
            await Storage.AssertConsistentAsync(driver);
        }

        Assert.All(finishing, d => Assert.Single(d.ScorecardsIn(Connector.Requests)));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM jobs;") + await CountAsync("SELECT count(*) FROM poison_jobs;"));
    }

    /// <summary>The host's shutdown timeout as the shipped appsettings.json sets it (the .NET default, 30 s, when it does not).</summary>
    private static TimeSpan ShutdownTimeout =>
        TimeSpan.FromSeconds(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build().GetValue("shutdownTimeoutSeconds", 30));

    /// <summary>The prompts sent to <paramref name="driver"/>'s conversation through the connector, in order.</summary>
    private static List<RecordedRequest> Prompts(IEnumerable<RecordedRequest> requests, InterviewDriver driver) =>
        [.. requests.Where(r => r.Operation is "send" or "reply" && r.ConversationId == driver.Conversation && r.InputHint is "expectingInput" or "ignoringInput")];

    private static async Task FinishAsync(BotProcess bot, InterviewDriver driver)
    {
        for (var turn = 1; !driver.Ended; turn++)
        {
            Assert.True(turn <= 80, $"{driver.Candidate.Name}'s interview did not end within 80 turns");
            await driver.AnswerAsync(bot);
        }
    }

    /// <summary>Consent and the three knockouts: the next question is judged.</summary>
    private static async Task AnswerKnockoutsAsync(BotProcess bot, InterviewDriver driver)
    {
        for (var turn = 0; turn < 4; turn++)
        {
            await driver.AnswerAsync(bot);
        }
    }

    /// <summary>Delivers <paramref name="activity"/> to a stopping bot; true when it was taken (200 with replies), false when refused.</summary>
    private static async Task<bool> TryDeliverAsync(BotProcess bot, InterviewDriver driver, JsonObject activity, string text)
    {
        try
        {
            using var response = await bot.PostAsync(activity);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                return false;
            }

            var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
            Assert.NotEmpty(replies);
            driver.Observe(replies);
            driver.Took(text);
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private IReadOnlyDictionary<string, string> Settings() => Storage.BotSettingsWith(new Dictionary<string, string>(Llm.JudgeSettings())
    {
        // Normal delivery answers 200 at once, so a turn is under way in the background when SIGTERM arrives.
        ["BotFramework:InlineTurnBudget"] = "00:00:00",

        // Long enough that a held judgment is still wanted when the test releases it.
        ["Judge:TimeoutSeconds"] = "60",
    });

    /// <summary>Narratives and judgments (every area covered, so no follow-up is needed), held while a gate is set.</summary>
    protected override ChatCompletionReply Reply(RecordedChatRequest request)
    {
        if (request.IsNarrative)
        {
            var narrative = ChatCompletionReply.Narrative();
            return _narratives is { } gate ? narrative.After(gate) : narrative;
        }

        var judgment = ChatCompletionReply.Judgment(4, 4, covered: request.KnowledgeAreas);
        return _judgments is { } judgments ? judgment.After(judgments) : judgment;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Storage.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
