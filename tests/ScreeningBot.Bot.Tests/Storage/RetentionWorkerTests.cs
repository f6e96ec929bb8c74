using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class RetentionWorkerTests
{
    private readonly TimerSignallingTimeProvider _time = new(Start.AddDays(200));
    private readonly InMemoryInterviewStore _interviews = new();
    private readonly InMemoryTranscriptStore _transcripts = new();
    private readonly InMemoryReportStore _reports = new();
    private readonly InMemoryWebhookDeadLetterStore _deadLetters = new();
    private readonly TaskCompletionSource _purgeLogged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FakeLogger<RetentionWorker> _logger;

    public RetentionWorkerTests() =>
        _logger = new FakeLogger<RetentionWorker>(FakeLogCollector.Create(new FakeLogCollectorOptions
        {
            OutputSink = line =>
            {
                if (line.Contains("Retention: deleted", StringComparison.Ordinal))
                {
                    _purgeLogged.TrySetResult();
                }
            },
        }));

    [Fact]
    public async Task PurgeOnce_DeletesWhatIsOlderThanRetentionDaysAndLogsCounts()
    {
        await _interviews.CreateAsync(Interview("iv-expired", createdAt: Start), CancellationToken.None);
        await _transcripts.AppendAsync("iv-expired", [Turn("iv-expired", 0), Turn("iv-expired", 1)], CancellationToken.None);
        await _reports.SaveAsync(Report("iv-expired"), CancellationToken.None);
        await _interviews.CreateAsync(Interview("iv-recent", createdAt: Start.AddDays(100)), CancellationToken.None);
        var sut = CreateSut(retentionDays: 180);

        var report = await sut.PurgeOnceAsync(CancellationToken.None);

        Assert.Equal(["iv-expired"], report.InterviewIds);
        Assert.Equal(2, report.TranscriptTurns);
        Assert.Equal(1, report.Reports);
        Assert.NotNull(await _interviews.GetAsync("iv-recent", CancellationToken.None));
        var log = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4020);
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.Contains("deleted 1 interviews, 2 transcript turns, 1 reports and 0 webhook dead letters", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PurgeOnce_DeletesDeadLettersPastRetentionOrOfDeletedInterviews_KeepsRecentOnes()
    {
        await _interviews.CreateAsync(Interview("iv-expired", createdAt: Start), CancellationToken.None);
        await _interviews.CreateAsync(Interview("iv-recent", createdAt: Start.AddDays(100)), CancellationToken.None);
        await _deadLetters.AddAsync(DeadLetter("evt_old", "iv-gone-already", Start.AddDays(19)), CancellationToken.None);
        await _deadLetters.AddAsync(DeadLetter("evt_of_expired", "iv-expired", Start.AddDays(150)), CancellationToken.None);
        await _deadLetters.AddAsync(DeadLetter("evt_recent", "iv-recent", Start.AddDays(21)), CancellationToken.None);
        var sut = CreateSut(retentionDays: 180);

        var report = await sut.PurgeOnceAsync(CancellationToken.None);

        Assert.Equal(2, report.WebhookDeadLetters);
        Assert.Equal(["evt_recent"], (await _deadLetters.ListAsync(10, CancellationToken.None)).Select(d => d.EventId));
        var log = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4020);
        Assert.Contains("deleted 1 interviews, 0 transcript turns, 0 reports and 2 webhook dead letters", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_FirstRunWaitsThenPurges()
    {
        await _interviews.CreateAsync(Interview("iv-expired", createdAt: Start), CancellationToken.None);
        var sut = CreateSut(retentionDays: 30);

        await sut.StartAsync(CancellationToken.None);
        await _time.TimerCreated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var beforeFirstRun = await _interviews.GetAsync("iv-expired", CancellationToken.None);
        _time.Advance(RetentionWorker.FirstRunDelay);
        await _purgeLogged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await sut.StopAsync(CancellationToken.None);

        Assert.NotNull(beforeFirstRun);
        Assert.Null(await _interviews.GetAsync("iv-expired", CancellationToken.None));
    }

    private RetentionWorker CreateSut(int retentionDays) =>
        new(new CandidateDataService(_interviews, _transcripts, _reports, new InMemorySelfIdentificationStore(), new InMemoryPostedMessageStore()), _deadLetters, Options.Create(new StorageOptions { RetentionDays = retentionDays }), _time, _logger);

    private static WebhookDeadLetter DeadLetter(string eventId, string interviewId, DateTimeOffset at) =>
        new(new WebhookDelivery(eventId, "decision.recorded", "{\"data\":{\"candidateId\":\"U-jane\"}}", 5), interviewId, "failed 5 attempts", at);

    /// <summary>A fake clock that says when the worker has started waiting on it (ExecuteAsync runs on its own task).</summary>
    private sealed class TimerSignallingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public TaskCompletionSource TimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }
}
