using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Storage.Sqlite;

namespace ScreeningBot.Bot.Tests.Storage.Sweep;

/// <summary>The scoring sweep on one SQLite file, each instance with its own connection to it.</summary>
public sealed class SqliteScoringSweepTests : ScoringSweepContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Instance CreateInstance()
    {
        var database = _database.Open();
        return new Instance(
            this,
            new SqliteInterviewStore(database),
            new SqliteTranscriptStore(database),
            new SqliteReportStore(database),
            new SqliteJobQueue(database, Time, NullLogger<SqliteJobQueue>.Instance),
            new SqliteProcessedMessageLedger(database, Time),
            new SqlitePostedMessageStore(database),
            new SqliteUnpostedInterviews(database));
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Delete();
        return Task.CompletedTask;
    }
}
