using Microsoft.Data.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// Webhook dead letters in SQLite, table <c>webhook_dead_letters</c> (schema version 5, <see cref="SqliteDatabase"/>'s
/// migrations): one row per event id. Removal is conditional on <c>dead_lettered_at</c>, so a replay never removes a newer
/// dead-lettering of the same event.
/// </summary>
internal sealed class SqliteWebhookDeadLetterStore(SqliteDatabase database) : IWebhookDeadLetterStore
{
    private const string Columns = "event_id, event_type, interview_id, attempts, last_error, dead_lettered_at, body";

    public Task AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        return database.RunAsync(
            "store a webhook dead letter",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    $"INSERT OR REPLACE INTO webhook_dead_letters ({Columns}) VALUES ($id, $type, $interviewId, $attempts, $error, $at, $body);",
                    null,
                    ("$id", deadLetter.EventId),
                    ("$type", deadLetter.Delivery.EventType),
                    ("$interviewId", deadLetter.InterviewId),
                    ("$attempts", deadLetter.Delivery.Attempt),
                    ("$error", deadLetter.LastError),
                    ("$at", deadLetter.DeadLetteredAt.UtcTicks),
                    ("$body", deadLetter.Delivery.Body));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<WebhookDeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync("list webhook dead letters", $"SELECT {Columns} FROM webhook_dead_letters ORDER BY dead_lettered_at, event_id LIMIT $limit;", ("$limit", limit), cancellationToken);
    }

    public async Task<WebhookDeadLetter?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var found = await ReadAsync("read a webhook dead letter", $"SELECT {Columns} FROM webhook_dead_letters WHERE event_id = $id;", ("$id", eventId), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> RemoveAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var removed = await database.RunAsync(
            "remove a webhook dead letter",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    "DELETE FROM webhook_dead_letters WHERE event_id = $id AND dead_lettered_at = $at;",
                    null,
                    ("$id", deadLetter.EventId),
                    ("$at", deadLetter.DeadLetteredAt.UtcTicks));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
        return removed > 0;
    }

    public Task<int> DeleteForInterviewAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return DeleteAsync("DELETE FROM webhook_dead_letters WHERE interview_id = $p;", interviewId, cancellationToken);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync("DELETE FROM webhook_dead_letters WHERE dead_lettered_at < $p;", cutoff.UtcTicks, cancellationToken);

    private Task<int> DeleteAsync(string sql, object parameter, CancellationToken cancellationToken) =>
        database.RunAsync(
            "delete webhook dead letters",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, sql, null, ("$p", parameter));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    private Task<IReadOnlyList<WebhookDeadLetter>> ReadAsync(string action, string sql, (string Name, object Value) parameter, CancellationToken cancellationToken) =>
        database.RunAsync(
            action,
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, sql, null, parameter);
                var found = new List<WebhookDeadLetter>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(Read(reader));
                }

                return (IReadOnlyList<WebhookDeadLetter>)found;
            },
            cancellationToken);

    private static WebhookDeadLetter Read(SqliteDataReader reader) =>
        new(
            new WebhookDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(6), reader.GetInt32(3)),
            reader.GetString(2),
            reader.GetString(4),
            new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero));
}
