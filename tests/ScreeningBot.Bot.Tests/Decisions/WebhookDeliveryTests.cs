using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
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
/// The receiver checks the signature with its own HMAC code, as an ATS integration would.
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
        var dead = Assert.Single(await queue.ReadPoisonedAsync(CancellationToken.None));
        Assert.Contains("webhook scorecard.posted evt_", dead.Reason, StringComparison.Ordinal);
        Assert.Contains("failed 3 attempts (Webhook:MaxAttempts); last: HTTP 500", dead.Reason, StringComparison.Ordinal);
        Assert.Contains(receiver.Requests.First().IdempotencyKey, dead.Body, StringComparison.Ordinal);
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

    private (WebhookPublisher Publisher, JobQueueWorker Worker, SqliteJobQueue Queue) CreateSut(Uri url, int maxAttempts)
    {
        var queue = new SqliteJobQueue(_database.Database, _time, NullLogger<SqliteJobQueue>.Instance);
        var options = Options.Create(new WebhookOptions { Url = url.ToString(), Secret = Secret, MaxAttempts = maxAttempts, InitialBackoff = TimeSpan.FromSeconds(10) });
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
        services.AddSingleton<IJobQueue>(queue);
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
