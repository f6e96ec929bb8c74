using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The self-identification store contract on SQLite.</summary>
public sealed class SqliteSelfIdentificationStoreTests : SelfIdentificationStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<ISelfIdentificationStore> CreateStoreAsync() => Task.FromResult<ISelfIdentificationStore>(new SqliteSelfIdentificationStore(_database.Open()));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
