using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The transcript store contract on SQLite.</summary>
public sealed class SqliteTranscriptStoreTests : TranscriptStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<ITranscriptStore> CreateStoreAsync() => Task.FromResult<ITranscriptStore>(new SqliteTranscriptStore(_database.Open()));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
