using Microsoft.Data.Sqlite;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Delete();

    [Fact]
    public async Task FirstUse_NewPath_CreatesFolderAndVersionedSchemaInWalMode()
    {
        var sut = new SqliteInterviewStore(_database.Database);

        await sut.GetAsync("iv-1", CancellationToken.None);

        Assert.True(File.Exists(_database.Path));
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteDatabase.SchemaVersion, await ScalarAsync("PRAGMA user_version;"));
    }

    [Fact]
    public async Task FirstUse_ManyInstancesAtOnce_CreateTheSchemaOnce()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => new SqliteTranscriptStore(_database.Open())).ToArray();

        await Task.WhenAll(stores.Select((s, i) => s.AppendAsync("iv-1", [StorageTestData.Turn("iv-1", i)], CancellationToken.None)));

        Assert.Equal(6, (await stores[0].ReadAsync("iv-1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task FirstUse_FileFromANewerBot_ThrowsStorageUnavailableSayingSo()
    {
        await new SqliteInterviewStore(_database.Database).GetAsync("iv-1", CancellationToken.None);
        await ScalarAsync("PRAGMA user_version = 99;");
        var sut = new SqliteInterviewStore(_database.Open());

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => sut.GetAsync("iv-1", CancellationToken.None));

        Assert.Contains($"schema version 99, newer than this bot understands ({SqliteDatabase.SchemaVersion})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstUse_FileIsNotADatabase_ThrowsStorageUnavailableNotSqliteException()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.Path)!);
        await File.WriteAllTextAsync(_database.Path, new string('x', 4096));
        var sut = new SqliteInterviewStore(_database.Open());

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => sut.GetAsync("iv-1", CancellationToken.None));

        Assert.Contains("not a valid SQLite database", error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public async Task Append_TurnTooLargeToReadBack_ThrowsArgumentExceptionBeforeWriting()
    {
        var sut = new SqliteTranscriptStore(_database.Database);
        var huge = StorageTestData.Turn("iv-1", 0, new string('a', ScreeningBot.Dialogs.Serialization.DialogsJson.MaxDocumentBytes));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => sut.AppendAsync("iv-1", [huge], CancellationToken.None));

        Assert.Contains("stores accept at most", error.Message, StringComparison.Ordinal);
        Assert.Empty(await sut.ReadAsync("iv-1", CancellationToken.None));
    }

    [Fact]
    public async Task Commits_DoNotCheckpointTheWriteAheadLog_CheckpointAsyncDoes()
    {
        var sut = new SqliteTranscriptStore(_database.Database);
        var text = new string('w', 3000);

        // 1,500 turns of 3 KB, about 1,500 pages: past SQLite's default auto-checkpoint (1,000 pages), which would have
        // made one of these commits copy the log into the database and restart it.
        for (var batch = 0; batch < 30; batch++)
        {
            await sut.AppendAsync("iv-1", [.. Enumerable.Range(batch * 50, 50).Select(n => StorageTestData.Turn("iv-1", n, text))], CancellationToken.None);
        }

        var checkpoint = await _database.Database.CheckpointAsync(CancellationToken.None);

        Assert.InRange(checkpoint.LogFrames, 1001, SqliteDatabase.AutoCheckpointPages);
        Assert.Equal(checkpoint.LogFrames, checkpoint.CheckpointedFrames);
        Assert.Equal(1500, (await sut.ReadAsync("iv-1", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CheckpointAsync_BeforeFirstUse_DoesNothingAndCreatesNoFile()
    {
        var checkpoint = await _database.Database.CheckpointAsync(CancellationToken.None);

        Assert.Equal(new SqliteCheckpoint(0, 0), checkpoint);
        Assert.False(File.Exists(_database.Path));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
