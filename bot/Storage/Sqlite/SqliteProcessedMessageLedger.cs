using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// The processed-message ledger in SQLite: one row per key with its expiry. Recording is one atomic upsert
/// that only replaces an expired row, so two processes sharing the file never both take the same message.
/// </summary>
internal sealed class SqliteProcessedMessageLedger(SqliteDatabase database, TimeProvider time) : IProcessedMessageLedger
{
    // Every this many calls, expired rows are swept so the table does not grow forever.
    private const int SweepEvery = 1024;

    private long _calls;

    public Task<bool> TryRecordAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        var sweep = Interlocked.Increment(ref _calls) % SweepEvery == 0;
        return database.RunAsync(
            "record a processed message",
            async connection =>
            {
                if (sweep)
                {
                    await using var delete = SqliteDatabase.Command(connection, "DELETE FROM processed_messages WHERE expires_at <= $now;", null, ("$now", now.UtcTicks));
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT INTO processed_messages (key, expires_at) VALUES ($key, $expiresAt)
                    ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE processed_messages.expires_at <= $now;
                    """,
                    null,
                    ("$key", key),
                    ("$expiresAt", (now + timeToLive).UtcTicks),
                    ("$now", now.UtcTicks));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    public Task<bool> ContainsAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        return database.RunAsync(
            "look up a processed message",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    "SELECT 1 FROM processed_messages WHERE key = $key AND expires_at > $now;",
                    null,
                    ("$key", key),
                    ("$now", now.UtcTicks));
                return await command.ExecuteScalarAsync(cancellationToken) is not null;
            },
            cancellationToken);
    }
}
