using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The posted-message store contract on SQLite.</summary>
public sealed class SqlitePostedMessageStoreTests : PostedMessageStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IPostedMessageStore> CreateStoreAsync() => Task.FromResult<IPostedMessageStore>(new SqlitePostedMessageStore(_database.Open()));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
