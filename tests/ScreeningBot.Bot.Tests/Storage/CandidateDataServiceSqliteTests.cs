using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Retention and erasure over the SQLite stores.</summary>
public sealed class CandidateDataServiceSqliteTests : CandidateDataServiceContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<(IInterviewStore Interviews, ITranscriptStore Transcripts, IReportStore Reports)> CreateStoresAsync() =>
        Task.FromResult<(IInterviewStore, ITranscriptStore, IReportStore)>(
            (new SqliteInterviewStore(_database.Database), new SqliteTranscriptStore(_database.Database), new SqliteReportStore(_database.Database)));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
