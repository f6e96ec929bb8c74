using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Decisions;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Tests.Storage;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>
/// The outbound webhook end to end: an event raised by a decision goes on the SQLite job queue, the queue worker POSTs it
/// to a real loopback receiver, retries after a backoff the fake clock has to pass, and dead-letters after the last attempt.
/// The receiver checks the signature with its own HMAC code, as an ATS integration would. A dead letter is listed and
/// replayed with the bot's command line (<c>webhook dead-letters</c>, <c>webhook replay</c>) on the same SQLite file.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec-0123456789abcdef0123456789abcdef";
    private static readonly ConversationAddress Hiring = new() { ChannelId = "msteams", ConversationId = "19:hiring" };

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInterviewStore _interviews = new();
    private readonly InMemoryReportStore _reports = new();
    private readonly InMemoryDecisionStore _decisions = new();
    private ServiceProvider? _services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Delete();
    }

    [Fact]
    public async Task Decision_ReceiverFailsTwiceThenSucceeds_FiledOnce_SameKeyAndValidSignatureOnEveryAttempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var (publisher, worker, queue) = CreateSut(receiver.Url, maxAttempts: 5);
        var interview = await DecisionTestData.SeedFinishedAsync(_interviews, _reports, Hiring, "posted-1");
        var decision = new DecisionEntry { Id = "0001-aa", InterviewId = interview.Id, At = _time.GetUtcNow(), ById = "29:rita", ByName = "Rita", Decision = HiringDecision.Advance };

        await publisher.DecisionRecordedAsync(interview, decision, CancellationToken.None);
        var first = await worker.ProcessOnceAsync(CancellationToken.None);
        var beforeBackoff = await worker.ProcessOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        var second = await worker.ProcessOnceAsync(CancellationToken.None);
        var beforeSecondBackoff = await worker.ProcessOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        var third = await worker.ProcessOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2));
        var afterwards = await worker.ProcessOnceAsync(CancellationToken.None);

        Assert.Equal([1, 0, 1, 0, 1, 0], [first, beforeBackoff, second, beforeSecondBackoff, third, afterwards]);
        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        var filed = Assert.Single(receiver.Filed);
        Assert.Equal(1, filed.Value);
        Assert.All(requests, r => Assert.Equal(filed.Key, r.IdempotencyKey));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.True(SignatureIsValid(r), $"bad signature {r.Signature} at {r.Timestamp}"));
        Assert.All(requests, r => Assert.Equal("decision.recorded", r.EventType));
        Assert.StartsWith("application/json", requests[0].ContentType, StringComparison.Ordinal);

        // The retries were signed when sent (10 s and 30 s after the first), so a receiver's replay window holds for each.
        Assert.Equal(
            [_time.GetUtcNow().AddHours(-2).AddSeconds(-30).ToUnixTimeSeconds(), _time.GetUtcNow().AddHours(-2).AddSeconds(-20).ToUnixTimeSeconds(), _time.GetUtcNow().AddHours(-2).ToUnixTimeSeconds()],
            requests.Select(r => long.Parse(r.Timestamp, CultureInfo.InvariantCulture)));

        using var body = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(filed.Key, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("decision.recorded", body.RootElement.GetProperty("type").GetString());
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(interview.Id, data.GetProperty("interviewId").GetString());
        Assert.Equal("advance", data.GetProperty("decision").GetString());
        Assert.Equal("Rita", data.GetProperty("decidedBy").GetString());
        Assert.Equal(78, data.GetProperty("score").GetInt32());
        Assert.Empty(await queue.ReadPoisonedAsync(CancellationToken.None));
        Assert.Empty(await DeadLetters().ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Event_ReceiverAlwaysFails_DeadLetteredAfterMaxAttempts_AndNotSentAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        var (publisher, worker, queue) = CreateSut(receiver.Url, maxAttempts: 3);
        var interview = await DecisionTestData.SeedFinishedAsync(_interviews, _reports, Hiring, "posted-1");
        var report = (await _reports.GetAsync(interview.Id, CancellationToken.None))!;

        await publisher.ScorecardPostedAsync(interview, report.Scorecard, CancellationToken.None);
        var received = new List<int>();
        for (var pass = 0; pass < 6; pass++)
        {
            received.Add(await worker.ProcessOnceAsync(CancellationToken.None));
            _time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal([1, 1, 1, 0, 0, 0], received);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Empty(receiver.Filed);
        var dead = Assert.Single(await DeadLetters().ListAsync(10, CancellationToken.None));
        Assert.Equal(receiver.Requests.First().IdempotencyKey, dead.EventId);
        Assert.Equal(("scorecard.posted", 3, interview.Id), (dead.Delivery.EventType, dead.Delivery.Attempt, dead.InterviewId));
        Assert.StartsWith("failed 3 attempts (Webhook:MaxAttempts); last: HTTP 500", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(receiver.Requests.First().Body, dead.Delivery.Body);
        Assert.Empty(await queue.ReadPoisonedAsync(CancellationToken.None));
        Assert.Equal(0, await worker.ProcessOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeadLetter_ListedThenReplayedFromTheCommandLineOnceTheReceiverIsFixed_DeliveredOnceSignedAndNoLongerListed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        var (publisher, worker, queue) = CreateSut(receiver.Url, maxAttempts: 3);
        var interview = await DecisionTestData.SeedFinishedAsync(_interviews, _reports, Hiring, "posted-1");
        var decision = new DecisionEntry { Id = "0001-aa", InterviewId = interview.Id, At = _time.GetUtcNow(), ById = "29:rita", ByName = "Rita", Decision = HiringDecision.Advance };
        await publisher.DecisionRecordedAsync(interview, decision, CancellationToken.None);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await worker.ProcessOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromHours(1));
        }

        var eventId = receiver.Requests.First().IdempotencyKey;
        var listed = await CliAsync(receiver.Url, "webhook", "dead-letters");
        var listedJson = await CliAsync(receiver.Url, "webhook", "dead-letters", "--json");
        receiver.Fix();
        var replayed = await CliAsync(receiver.Url, "webhook", "replay", eventId);
        var requeued = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None));
        var delivered = await worker.ProcessOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var afterwards = await worker.ProcessOnceAsync(CancellationToken.None);
        var emptied = await CliAsync(receiver.Url, "webhook", "dead-letters", "--json");

        Assert.Equal((0, 0, 0, 0), (listed.ExitCode, listedJson.ExitCode, replayed.ExitCode, emptied.ExitCode));
        Assert.Equal(
            $"{eventId}  decision.recorded  interview {interview.Id}  candidate {interview.Candidate.Id}  3 attempt(s)  dead-lettered 2026-03-02 14:00:00Z\n" +
            "    last error: failed 3 attempts (Webhook:MaxAttempts); last: HTTP 500 Internal Server Error\n",
            listed.Output);
        Assert.StartsWith("1 dead-lettered webhook event(s). Send one again with 'dotnet run --project bot -- webhook replay ID'", listed.Error, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(listedJson.Output))
        {
            var row = Assert.Single(json.RootElement.EnumerateArray());
            Assert.Equal(eventId, row.GetProperty("eventId").GetString());
            Assert.Equal(interview.Id, row.GetProperty("interviewId").GetString());
            Assert.Equal(interview.Candidate.Id, row.GetProperty("candidateId").GetString());
            Assert.Equal(3, row.GetProperty("attempts").GetInt32());
        }

        // The listing names no candidate: the name is in the body, which it never shows.
        Assert.DoesNotContain(interview.Candidate.Name, listed.Output + listedJson.Output, StringComparison.Ordinal);
        Assert.Equal($"queued {eventId} (decision.recorded, interview {interview.Id}) for delivery\n", replayed.Output);
        Assert.Equal((eventId, 1), (requeued.Job.Webhook!.EventId, requeued.Job.Webhook.Attempt));
        Assert.Equal((1, 0), (delivered, afterwards));
        var requests = receiver.Requests.ToList();
        Assert.Equal(4, requests.Count);
        Assert.Equal(KeyValuePair.Create(eventId, 1), Assert.Single(receiver.Filed));
        Assert.Equal(requests[0].Body, requests[3].Body);
        Assert.True(SignatureIsValid(requests[3]), $"bad signature {requests[3].Signature} at {requests[3].Timestamp}");
        Assert.Equal("[]", emptied.Output.Trim());
        Assert.Equal("No dead-lettered webhook events.\n", emptied.Error);
    }

    [Theory]
    [InlineData("evt_nope", null, 1, "error: no dead-lettered webhook event 'evt_nope'; nothing was sent. Run 'dotnet run --project bot -- webhook dead-letters' for the ids")]
    [InlineData(null, null, 2, "error: name the event to send again (an id from `webhook dead-letters`) or pass --all. usage: replay [--all] [ID]")]
    [InlineData("evt_x", "--all", 2, "error: pass an event id or --all, not both. usage: replay [--all] [ID]")]
    [InlineData(null, "--all", 0, "No dead-lettered webhook events; nothing to send.")]
    public async Task Replay_UnknownIdOrBadUsage_SaysWhatToDoWithItsExitCode(string? id, string? all, int exitCode, string expected)
    {
        string[] args = ["webhook", "replay", .. id is null ? [] : new[] { id }, .. all is null ? [] : new[] { all }];

        var run = await CliAsync(new Uri("https://ats.example/hooks"), args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Event_RaisedTwice_CarriesTheSameIdempotencyKey()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 0);
        var (publisher, worker, _) = CreateSut(receiver.Url, maxAttempts: 3);
        var interview = await DecisionTestData.SeedFinishedAsync(_interviews, _reports, Hiring, "posted-1");
        var report = (await _reports.GetAsync(interview.Id, CancellationToken.None))!;

        await publisher.ScorecardPostedAsync(interview, report.Scorecard, CancellationToken.None);
        await publisher.ScorecardPostedAsync(interview, report.Scorecard, CancellationToken.None);
        var first = await worker.ProcessOnceAsync(CancellationToken.None);
        var second = await worker.ProcessOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1), (first, second));

        var filed = Assert.Single(receiver.Filed);
        Assert.Equal(2, filed.Value);
    }

    [Theory]
    [InlineData("https://ats.example/hooks", "short", "Webhook:Secret must be set, with at least 32 characters")]
    [InlineData("http://ats.example/hooks", Secret, "must be an absolute https URL")]
    public void Options_UrlWithoutStrongSecretOrOverPlainHttp_RefusedWithTheFix(string url, string secret, string expected)
    {
        var result = new WebhookCrossFieldValidator().Validate(null, new WebhookOptions { Url = url, Secret = secret });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    /// <summary>The receiver's own check: HMAC-SHA256 over "{timestamp}.{body}", compared in constant time.</summary>
    private static bool SignatureIsValid(ReceivedWebhook request)
    {
        var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(request.Timestamp + "." + request.Body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Signature));
    }

    /// <summary>Runs the bot's command line on this test's SQLite file, as an operator would beside the running bot.</summary>
    private async Task<(int ExitCode, string Output, string Error)> CliAsync(Uri webhookUrl, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = _database.Path, ["Webhook:Url"] = webhookUrl.ToString() })
            .Build();
        var exitCode = await CommandLine.RunAsync(args, new CliContext(TextReader.Null, output, error, configuration, _time), CancellationToken.None);
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private SqliteWebhookDeadLetterStore DeadLetters() => new SqliteWebhookDeadLetterStore(_database.Database);

    private (WebhookPublisher Publisher, JobQueueWorker Worker, SqliteJobQueue Queue) CreateSut(Uri url, int maxAttempts)
    {
        var queue = new SqliteJobQueue(_database.Database, _time, NullLogger<SqliteJobQueue>.Instance);
        var options = Options.Create(new WebhookOptions { Url = url.ToString(), Secret = Secret, MaxAttempts = maxAttempts, InitialBackoff = TimeSpan.FromSeconds(10) });
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
        services.AddSingleton<IJobQueue>(queue);
        services.AddSingleton<IWebhookDeadLetterStore>(DeadLetters());
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(options);
        services.AddSingleton<Microsoft.Extensions.Logging.ILogger<WebhookDispatcher>>(NullLogger<WebhookDispatcher>.Instance);
        services.AddSingleton<WebhookDispatcher>();
        _services = services.BuildServiceProvider();
        var links = new ReportLinks(Options.Create(new ReportOptions()), _time);
        var publisher = new WebhookPublisher(queue, _reports, new ScreenExporter(_interviews, _reports, _decisions, links), options, _time, NullLogger<WebhookPublisher>.Instance);
        var worker = new JobQueueWorker(queue, _services, Options.Create(new StorageOptions()), _time, NullLogger<JobQueueWorker>.Instance);
        return (publisher, worker, queue);
    }
}
