using System.Net;
using ScreeningBot.Bot.Tests.Durability;
using ScreeningBot.Bot.Tests.Storage;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Faults;

/// <summary>
/// Azure Table and Queue Storage (Azurite) misbehave under a real bot process, through a loopback proxy the test
/// controls: throttling (503 ServerBusy, 500 InternalError), and writes that succeed although the bot is told they
/// failed (the response lost on the way back). The candidate never sees an error the storage retries absorbed, is asked
/// to send the message again only when nothing was saved, and every answer is recorded exactly once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableFaultTests(AzuriteFixture azurite) : BotProcessTests
{
    /// <summary>What the worker logs when its copy of a scoring job finds the other copy posting (see ScoringJobHandler).</summary>
    private const string StoodBack = "is posting the scorecard of interview";

    private StorageFaultProxy _proxy = null!;

    private protected override async Task<DurabilityStorage> StartStorageAsync(AsyncDisposables started)
    {
        _proxy = started.Add(await StorageFaultProxy.StartAsync(azurite.ConnectionString));
        return DurabilityStorage.OnTables(azurite.ConnectionString, _proxy.ConnectionString);
    }

    [Fact]
    public async Task Interview_Throttled_ShortBurstsGoUnnoticedAndASustainedThrottleAsksForARetry()
    {
        await using var bot = await BotProcess.StartAsync("bot", Storage.BotSettings);
        var driver = new InterviewDriver(Connector);
        await driver.StartAsync(bot);
        await driver.AnswerAsync(bot);

        // Bursts: the first storage requests of each turn are refused (503 ServerBusy, then 500 InternalError).
        for (var turn = 0; turn < 3; turn++)
        {
            _proxy.Inject(StorageFaultKind.Refuse, _ => true, HttpStatusCode.ServiceUnavailable, times: 1);
            _proxy.Inject(StorageFaultKind.Refuse, _ => true, HttpStatusCode.InternalServerError, times: 1);
            var messagesBefore = driver.MessagesSent;
            await driver.AnswerAsync(bot);
            Assert.Equal(messagesBefore, driver.MessagesSent);
        }

        Assert.Equal(6, _proxy.Requests.Count(r => r.Fault == StorageFaultKind.Refuse));

        // Sustained: every request refused until the storage recovers.
        var pending = InterviewDriver.View(driver.Prompt);
        _proxy.Inject(StorageFaultKind.Refuse, _ => true, HttpStatusCode.ServiceUnavailable);
        var retry = await driver.AssertAskedToResendAsync(bot, expectReplies: true);
        _proxy.Clear();

        var replies = await driver.SendAsync(bot, retry.Activity);
        driver.Took(retry.Text);
        Assert.NotEmpty(replies);
        Assert.NotEqual(pending, InterviewDriver.View(driver.Prompt));
        await driver.AnswerAsync(bot);
        await Storage.AssertConsistentAsync(driver);
    }

    [Fact]
    public async Task Answer_SavedButTheResponsesLost_CandidateGetsTheNextQuestionAndEveryAnswerOnce()
    {
        await using var bot = await BotProcess.StartAsync("bot", Storage.BotSettings);
        var driver = new InterviewDriver(Connector);
        await driver.StartAsync(bot);
        for (var turn = 0; turn < 2; turn++)
        {
            await driver.AnswerAsync(bot);
        }

        // A turn is one write (its state, new answers and transcript lines in one entity-group transaction, or one entity
        // when that is all it changed). It commits, but the bot hears 500; the client's retry then finds the ETag changed,
        // and the write id stored with the state shows the write was the turn's own: no conflict, the next question goes out.
        for (var lost = 0; lost < 2; lost++)
        {
            var pending = InterviewDriver.View(driver.Prompt);
            _proxy.Inject(
                StorageFaultKind.LoseResponse,
                r => r.Path.EndsWith("/$batch", StringComparison.Ordinal) || (IsEntity(r, "interviews") && r.Method == "PUT"),
                HttpStatusCode.InternalServerError,
                times: 1);
            await driver.AnswerAsync(bot);
            Assert.NotEqual(pending, InterviewDriver.View(driver.Prompt));
        }

        _proxy.Clear();
        await driver.AnswerAsync(bot);
        Assert.Equal(2, _proxy.Requests.Count(r => r.Fault == StorageFaultKind.LoseResponse && r.ServiceStatus is >= 200 and < 300));
        await Storage.AssertConsistentAsync(driver);
    }

    [Fact]
    public async Task ScoringJob_QueueThrottled_TheRetriesAbsorbItAndTheScorecardPostsOnce()
    {
        await using var bot = await BotProcess.StartAsync("bot", Storage.BotSettings);
        var driver = new InterviewDriver(Connector);

        // The worker's polls are refused (503, then 500), and so is the first try to enqueue the job at the last answer.
        _proxy.Inject(StorageFaultKind.Refuse, r => IsMessages(r, "GET"), HttpStatusCode.ServiceUnavailable, times: 2);
        _proxy.Inject(StorageFaultKind.Refuse, r => IsMessages(r, "GET"), HttpStatusCode.InternalServerError, times: 1);
        _proxy.Inject(StorageFaultKind.Refuse, r => IsMessages(r, "POST"), HttpStatusCode.ServiceUnavailable, times: 2);
        await driver.StartAsync(bot);
        for (var turn = 1; !driver.Ended; turn++)
        {
            Assert.True(turn <= 80, "the interview did not end within 80 turns");
            await driver.AnswerAsync(bot);
        }

        await Connector.WaitForAsync(r => driver.ScorecardsIn(r).Count >= 1, TimeSpan.FromSeconds(60), $"the scorecard (bot output:\n{bot.Output()})");
        Assert.Equal(3, _proxy.Requests.Count(r => r.Fault == StorageFaultKind.Refuse && IsMessages(r, "GET")));
        Assert.Equal(2, _proxy.Requests.Count(r => r.Fault == StorageFaultKind.Refuse && IsMessages(r, "POST")));

        // One job was enqueued, so one scorecard, and it is gone from the queue once posted.
        Assert.Single(_proxy.Requests, r => IsMessages(r, "POST") && r.Status == 201);
        Assert.Single(driver.ScorecardsIn(Connector.Requests));
        await _proxy.WaitForAsync(r => r.Any(x => x.Service == StorageService.Queue && x.Method == "DELETE" && x.Status == 204), TimeSpan.FromSeconds(30), "the job deleted from the queue");
    }

    [Fact]
    public async Task ScoringJob_EnqueuedTwiceAndTakenByTwoProcessesAtOnce_ScorecardPostedOnce()
    {
        await using var llm = await OpenAiTestServer.StartAsync();
        var narratives = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        llm.Responder = r => r.IsNarrative ? ChatCompletionReply.Narrative().After(narratives.Task) : ChatCompletionReply.Judgment(4, 4, covered: r.KnowledgeAreas);
        var settings = Storage.BotSettingsWith(llm.JudgeSettings());
        var starting = new[] { BotProcess.StartAsync("bot A", settings), BotProcess.StartAsync("bot B", settings) };
        await using var a = await starting[0];
        await using var b = await starting[1];
        var driver = new InterviewDriver(Connector);

        // The scoring job is enqueued, the response is lost, and the queue client's retry enqueues it a second time.
        _proxy.Inject(StorageFaultKind.LoseResponse, r => r.Service == StorageService.Queue && r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal), HttpStatusCode.InternalServerError, times: 1);
        await driver.StartAsync(a);
        for (var turn = 1; !driver.Ended; turn++)
        {
            Assert.True(turn <= 80, "the interview did not end within 80 turns");
            await driver.AnswerAsync(a);
        }

        await _proxy.WaitForAsync(r => r.Count(x => x.Service == StorageService.Queue && x.Method == "POST" && (x.ServiceStatus ?? x.Status) == 201) == 2, TimeSpan.FromSeconds(30), "the scoring job enqueued twice");

        // Each process takes one copy (a worker runs one job at a time), and both hold at the narrative until released together.
        await llm.WaitForRequestsAsync(r => r.IsNarrative, 2).WaitAsync(TimeSpan.FromSeconds(60));
        narratives.SetResult();
        await Connector.WaitForAsync(r => driver.ScorecardsIn(r).Count >= 1, TimeSpan.FromSeconds(60), "the scorecard");

        // The other copy either posts a second scorecard (the fault) or steps back for a later try that finds it posted.
        var outcome = await Task.WhenAny(
            Connector.WaitForAsync(r => driver.ScorecardsIn(r).Count >= 2, TimeSpan.FromSeconds(60), "a second scorecard"),
            a.WaitForOutputAsync(StoodBack, TimeSpan.FromSeconds(60)),
            b.WaitForOutputAsync(StoodBack, TimeSpan.FromSeconds(60)));
        await outcome;
        Assert.Single(driver.ScorecardsIn(Connector.Requests));
    }

    private static bool IsBatch(StorageRequest request) =>
        request.Service == StorageService.Table && request.Method == "POST" && request.Path.EndsWith("/$batch", StringComparison.Ordinal);

    private static bool IsMessages(StorageRequest request, string method) =>
        request.Service == StorageService.Queue && request.Method == method && request.Path.EndsWith("/messages", StringComparison.Ordinal);

    private static bool IsEntity(StorageRequest request, string table) =>
        request.Service == StorageService.Table && request.Path.Contains(table + "(", StringComparison.Ordinal);
}
