using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// Checkpoints the SQLite write-ahead log every <see cref="Interval"/>, so that turns never do it while they commit
/// (<see cref="SqliteDatabase.AutoCheckpointPages"/>). Passive: it never waits for a reader or blocks a writer, and
/// several bot processes on one file may each run it. Does nothing with Table Storage.
/// </summary>
internal sealed class SqliteCheckpointWorker(StorageBackend storage, TimeProvider time, ILogger<SqliteCheckpointWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Sqlite is not { } database)
        {
            return;
        }

        var last = new SqliteCheckpoint(0, 0);
        try
        {
            while (true)
            {
                await Task.Delay(Interval, time, stoppingToken);
                try
                {
                    var checkpoint = await database.CheckpointAsync(stoppingToken);
                    if (checkpoint != last && checkpoint.CheckpointedFrames > 0)
                    {
                        StorageLog.WalCheckpointed(logger, checkpoint.CheckpointedFrames, checkpoint.LogFrames, database.Path);
                    }

                    last = checkpoint;
                }
                catch (StorageUnavailableException e)
                {
                    // A locked or unreachable file: the next round tries again, and the backstop limit bounds the WAL.
                    StorageLog.WalCheckpointFailed(logger, e, (long)Interval.TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; closing the last connection checkpoints what is left.
        }
    }
}
