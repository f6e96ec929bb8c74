using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The job queue contract on SQLite, plus what only a table-backed queue promises: nothing is lost on restart.</summary>
public sealed class SqliteJobQueueTests : JobQueueContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IJobQueue> CreateQueueAsync() => Task.FromResult<IJobQueue>(CreateSut());

    protected override async Task<IReadOnlyList<(string MessageId, string InterviewId, string Reason)>> ReadPoisonedAsync(IJobQueue queue) =>
        [.. (await ((SqliteJobQueue)queue).ReadPoisonedAsync(CancellationToken.None)).Select(p => (p.MessageId, DialogsJson.Deserialize<ScoringJob>(p.Body).InterviewId, p.Reason))];

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Enqueue_ThenRestart_JobIsStillThere()
    {
        await CreateSut().EnqueueAsync(new ScoringJob("iv-survives"), CancellationToken.None);

        // A new process: new connection pool, same file.
        var sut = CreateSut();

        Assert.Equal("iv-survives", Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None)).Job.InterviewId);
    }

    [Fact]
    public async Task Receive_ProcessDiedMidJob_JobComesBackAfterRestartAndTimeout()
    {
        var crashed = CreateSut();
        await crashed.EnqueueAsync(new ScoringJob("iv-crash"), CancellationToken.None);
        await crashed.ReceiveAsync(1, Hidden, CancellationToken.None);

        var sut = CreateSut();
        var whileHidden = await sut.ReceiveAsync(1, Hidden, CancellationToken.None);
        Time.Advance(Hidden);
        var afterTimeout = Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));

        Assert.Empty(whileHidden);
        Assert.Equal(2, afterTimeout.DequeueCount);
    }

    private SqliteJobQueue CreateSut() => new(_database.Open(), Time, NullLogger<SqliteJobQueue>.Instance);
}
