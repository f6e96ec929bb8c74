using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The decision store contract on SQLite.</summary>
public sealed class SqliteDecisionStoreTests : DecisionStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IDecisionStore> CreateStoreAsync() => Task.FromResult<IDecisionStore>(new SqliteDecisionStore(_database.Open()));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
