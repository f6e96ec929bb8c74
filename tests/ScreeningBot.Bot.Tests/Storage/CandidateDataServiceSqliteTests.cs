using ScreeningBot.Bot.Storage.Sqlite;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Retention and erasure over the SQLite stores.</summary>
public sealed class CandidateDataServiceSqliteTests : CandidateDataServiceContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<CandidateStores> CreateStoresAsync() =>
        Task.FromResult(new CandidateStores(
            new SqliteInterviewStore(_database.Database),
            new SqliteTranscriptStore(_database.Database),
            new SqliteReportStore(_database.Database),
            new SqliteSelfIdentificationStore(_database.Database),
            new SqlitePostedMessageStore(_database.Database)));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
