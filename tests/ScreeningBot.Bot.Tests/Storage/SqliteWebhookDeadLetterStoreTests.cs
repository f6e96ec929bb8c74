using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Sqlite;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The webhook dead-letter contract on SQLite, each store with its own connection to one file.</summary>
public sealed class SqliteWebhookDeadLetterStoreTests : WebhookDeadLetterStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    private protected override IWebhookDeadLetterStore CreateStore() => new SqliteWebhookDeadLetterStore(_database.Open());

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Delete();
        return Task.CompletedTask;
    }
}
