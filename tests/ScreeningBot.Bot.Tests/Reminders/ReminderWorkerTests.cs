using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Reminders;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Tests.Commands;
using ScreeningBot.Bot.Tests.Storage;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Reminders;

/// <summary>Nudges and expiry with two bot instances on one SQLite store, time moved by a <see cref="FakeTimeProvider"/>: each happens once.</summary>
public sealed class ReminderWorkerTests : IDisposable
{
    private const string Id = "iv-remindremindremindre";
    private static readonly ConversationAddress Hiring = new() { ChannelId = "msteams", ConversationId = "19:hiring" };

    // StorageTestData's interview: last activity 09:35 UTC on 2026-03-02, deadline a week after 09:30.
    private static readonly DateTimeOffset LastActivity = StorageTestData.Start.AddMinutes(5);

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(StorageTestData.Start);
    private readonly RecordingConversationChannel _first = new();
    private readonly RecordingConversationChannel _second = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Delete();
    }

    [Fact]
    public async Task TwoInstances_IdleCandidate_GetOneNudgeAtEachThresholdNeverTwo()
    {
        await SeedAsync();
        var (a, b) = (CreateSut(_first), CreateSut(_second));

        _time.SetUtcNow(LastActivity.AddHours(23));
        var early = await BothAsync(a, b);
        _time.SetUtcNow(LastActivity.AddHours(24).AddMinutes(1));
        var first = await BothAsync(a, b);
        _time.Advance(new ReminderOptions().ScanInterval);
        var again = await BothAsync(a, b);
        _time.SetUtcNow(LastActivity.AddHours(72).AddMinutes(1));
        var second = await BothAsync(a, b);
        _time.SetUtcNow(LastActivity.AddHours(120));
        var beyondMax = await BothAsync(a, b);

        Assert.Equal([0, 1, 0, 1, 0], [early, first, again, second, beyondMax]);
        var sent = _first.Sent.Concat(_second.Sent).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal("dm-" + Id, s.Address.ConversationId));
        Assert.All(sent, s => Assert.Contains("gentle reminder", s.Reply.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nudge_DueAtNight_WaitsForTheMorning()
    {
        await SeedAsync();
        var sut = CreateSut(_first);

        _time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 23, 0, 0, TimeSpan.Zero));
        var night = (await sut.RunOnceAsync(CancellationToken.None)).Nudged;
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 30, 0, TimeSpan.Zero));
        var morning = (await sut.RunOnceAsync(CancellationToken.None)).Nudged;

        Assert.Equal((0, 1), (night, morning));
    }

    [Fact]
    public async Task TwoInstances_AtTheDeadline_ExpireOnceTellTheCandidateAndTheHiringChannel()
    {
        await SeedAsync();
        var (a, b) = (CreateSut(_first), CreateSut(_second));
        _time.SetUtcNow(StorageTestData.Start.AddDays(7).AddMinutes(1));

        var results = await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));

        Assert.Equal(1, results.Sum(r => r.Expired));
        var stored = await new SqliteInterviewStore(_database.Open()).GetAsync(Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.Expired, stored!.Interview.Status);
        Assert.Equal(_time.GetUtcNow(), stored.Interview.Record.EndedAt);
        var sent = _first.Sent.Concat(_second.Sent).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains(sent, s => s.Address.ConversationId == "dm-" + Id && s.Reply.Text.Contains("deadline passed", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Address == Hiring && s.Reply.Text.Contains("expired unfinished at its deadline: not scored", StringComparison.Ordinal));
        Assert.Equal(ReminderPass.Skipped, await a.RunOnceAsync(CancellationToken.None));
        _time.Advance(new ReminderOptions().ScanInterval);
        Assert.Equal(new ReminderPass(true, 0, 0), await a.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TwoInstances_EveryPass_HasExactlyOneOwner()
    {
        await SeedAsync();
        var (a, b) = (CreateSut(_first), CreateSut(_second));

        var owners = new List<int>();
        for (var pass = 0; pass < 6; pass++)
        {
            _time.Advance(new ReminderOptions().ScanInterval);
            var results = await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));
            owners.Add(results.Count(r => r.Owned));
        }

        Assert.All(owners, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Nudge_CandidateTimeZoneKnown_QuietHoursFollowTheCandidateNotTheServer()
    {
        // Tokyo is UTC+9: 14:00 UTC is 23:00 there (quiet), 23:30 UTC is 08:30 there (awake), the reverse of UTC.
        await SeedAsync(timeZone: "Asia/Tokyo");
        var sut = CreateSut(_first);

        _time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero));
        var candidatesNight = await sut.RunOnceAsync(CancellationToken.None);
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 23, 30, 0, TimeSpan.Zero));
        var candidatesMorning = await sut.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new ReminderPass(true, 0, 0), candidatesNight);
        Assert.Equal(new ReminderPass(true, 1, 0), candidatesMorning);
    }

    private static async Task<int> BothAsync(ReminderWorker a, ReminderWorker b)
    {
        var results = await Task.WhenAll(a.RunOnceAsync(CancellationToken.None), b.RunOnceAsync(CancellationToken.None));
        Assert.Single(results, r => r.Owned);
        return results.Sum(r => r.Nudged);
    }

    private async Task SeedAsync(string? timeZone = null)
    {
        var interview = StorageTestData.Interview(Id, conversationId: "dm-" + Id) with { HiringConversation = Hiring };
        interview = interview with { Record = interview.Record with { CandidateTimeZone = timeZone } };
        await new SqliteInterviewStore(_database.Open()).CreateAsync(interview, CancellationToken.None);
    }

    /// <summary>One bot instance: its own connection to the shared database file, its own channel.</summary>
    private ReminderWorker CreateSut(RecordingConversationChannel channel)
    {
        var database = _database.Open();
        var links = new ReportLinks(Options.Create(new ReportOptions()), _time);
        return new ReminderWorker(
            new SqliteInterviewStore(database),
            new SqliteProcessedMessageLedger(database, _time),
            new ChannelRouter([channel], links, NullLogger<ChannelRouter>.Instance),
            Options.Create(new ReminderOptions()),
            _time,
            NullLogger<ReminderWorker>.Instance);
    }
}
