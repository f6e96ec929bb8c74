using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Sqlite;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The background WAL checkpoints that keep checkpointing off the turns' commits.</summary>
public sealed class SqliteCheckpointWorkerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("screeningbot-checkpoint-").FullName;
    private readonly FakeTimeProvider _time = new(StorageTestData.Start);
    private readonly FakeLogger<SqliteCheckpointWorker> _logger = new();
    private readonly StorageBackend _storage;

    public SqliteCheckpointWorkerTests() =>
        _storage = new StorageBackend(
            Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(_folder, "bot.db") }),
            _time,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    public void Dispose()
    {
        _storage.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Running_AfterATurnIsStored_CheckpointsItWithinAnInterval()
    {
        await _storage.Transcripts.AppendAsync("iv-1", [StorageTestData.Turn("iv-1", 0)], CancellationToken.None);
        using var sut = new SqliteCheckpointWorker(_storage, _time, _logger);

        await sut.StartAsync(CancellationToken.None);
        var entry = await WaitForCheckpointLogAsync();
        await sut.StopAsync(CancellationToken.None);

        Assert.Contains(_storage.Sqlite!.Path, entry.Message, StringComparison.Ordinal);
        // Everything was checkpointed already: a second pass finds the same frames and moves nothing new.
        var again = await _storage.Sqlite.CheckpointAsync(CancellationToken.None);
        Assert.Equal(again.LogFrames, again.CheckpointedFrames);
    }

    [Fact]
    public async Task Running_NothingWritten_LogsNothingAndCreatesNoFile()
    {
        using var sut = new SqliteCheckpointWorker(_storage, _time, _logger);

        await sut.StartAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(SqliteCheckpointWorker.Interval);
            await Task.Delay(20);
        }

        await sut.StopAsync(CancellationToken.None);

        Assert.Empty(_logger.Collector.GetSnapshot());
        Assert.False(File.Exists(_storage.Sqlite!.Path));
    }

    private async Task<FakeLogRecord> WaitForCheckpointLogAsync()
    {
        for (var round = 0; round < 500; round++)
        {
            // The worker's timer may not exist yet when time moves; keep moving it until a checkpoint is logged.
            _time.Advance(SqliteCheckpointWorker.Interval);
            await Task.Delay(20);
            if (_logger.Collector.GetSnapshot().FirstOrDefault(r => r.Id.Id == 4022) is { } entry)
            {
                return entry;
            }
        }

        throw new TimeoutException("The worker logged no checkpoint within 500 intervals of fake time (10 s of real time).");
    }
}
