using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The processed-message ledger contract on SQLite.</summary>
public sealed class SqliteProcessedMessageLedgerTests : ProcessedMessageLedgerContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IProcessedMessageLedger> CreateLedgerAsync() => Task.FromResult<IProcessedMessageLedger>(new SqliteProcessedMessageLedger(_database.Open(), Time));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
