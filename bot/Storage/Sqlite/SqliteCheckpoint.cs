namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>What a WAL checkpoint found: frames in the write-ahead log, and how many of them are now in the database file.</summary>
internal readonly record struct SqliteCheckpoint(int LogFrames, int CheckpointedFrames);
