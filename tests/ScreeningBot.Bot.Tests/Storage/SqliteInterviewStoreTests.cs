using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The interview store contract on SQLite (each store a separate connection pool on one file).</summary>
public sealed class SqliteInterviewStoreTests : InterviewStoreContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IInterviewStore> CreateStoreAsync() => Task.FromResult<IInterviewStore>(new SqliteInterviewStore(_database.Open()));

    protected override Task<ITranscriptStore> CreateTranscriptStoreAsync() => Task.FromResult<ITranscriptStore>(new SqliteTranscriptStore(_database.Open()));

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
