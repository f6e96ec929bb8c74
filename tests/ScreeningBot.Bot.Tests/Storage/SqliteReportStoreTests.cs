using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The report store contract on SQLite.</summary>
public sealed class SqliteReportStoreTests : ReportStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IReportStore> CreateStoreAsync() => Task.FromResult<IReportStore>(new SqliteReportStore(_database.Open()));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
