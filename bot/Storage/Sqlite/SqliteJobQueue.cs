using System.Globalization;
using System.Text.Json;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// The job queue for the embedded setup: a table, so a job enqueued before a crash or restart is still there
/// afterwards. Receiving a job hides it until its visibility timeout passes (time from the injected
/// <see cref="TimeProvider"/>), counts the delivery and issues a fresh receipt; only the holder of the latest
/// receipt can complete it. Poisoned jobs move to the <c>poison_jobs</c> table with their reason.
/// </summary>
internal sealed class SqliteJobQueue(SqliteDatabase database, TimeProvider time, ILogger<SqliteJobQueue> logger) : IJobQueue
{
    public Task EnqueueAsync(ScoringJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var json = DialogsJson.Serialize(job);
        var now = time.GetUtcNow();
        var visibleAt = job.NotBefore > now ? job.NotBefore.Value : now;
        return database.RunAsync(
            "enqueue a scoring job",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    "INSERT INTO jobs (json, enqueued_at, visible_at) VALUES ($json, $now, $visibleAt);",
                    null,
                    ("$json", json),
                    ("$now", now.UtcTicks),
                    ("$visibleAt", visibleAt.UtcTicks));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<QueuedJob>> ReceiveAsync(int maxJobs, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxJobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var rows = await database.RunAsync(
            "receive scoring jobs",
            async connection =>
            {
                // One statement, so two receivers never take the same job: SQLite runs it under the write lock.
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    UPDATE jobs
                    SET dequeue_count = dequeue_count + 1, receipt = lower(hex(randomblob(16))), visible_at = $visibleAt
                    WHERE id IN (SELECT id FROM jobs WHERE visible_at <= $now ORDER BY visible_at, id LIMIT $max)
                    RETURNING id, json, dequeue_count, receipt;
                    """,
                    null,
                    ("$now", now.UtcTicks),
                    ("$visibleAt", (now + visibilityTimeout).UtcTicks),
                    ("$max", maxJobs));
                var received = new List<(long Id, string Json, int DequeueCount, string Receipt)>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    received.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
                }

                return received;
            },
            cancellationToken);

        var jobs = new List<QueuedJob>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Id))
        {
            var messageId = row.Id.ToString(CultureInfo.InvariantCulture);
            ScoringJob job;
            try
            {
                job = DialogsJson.Deserialize<ScoringJob>(row.Json);
            }
            catch (JsonException e)
            {
                StorageLog.MalformedJob(logger, e, messageId);
                await PoisonAsync(row.Id, row.Receipt, "The stored job is not valid JSON: " + e.Message, cancellationToken);
                continue;
            }

            jobs.Add(new QueuedJob(job, messageId, row.Receipt, row.DequeueCount));
        }

        return jobs;
    }

    public Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!long.TryParse(job.MessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Task.CompletedTask;
        }

        return database.RunAsync(
            "complete a scoring job",
            async connection =>
            {
                // A stale receipt (the job was delivered again meanwhile) deletes nothing: the newer holder owns it.
                await using var command = SqliteDatabase.Command(connection, "DELETE FROM jobs WHERE id = $id AND receipt = $receipt;", null, ("$id", id), ("$receipt", job.Receipt));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task ReleaseAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!long.TryParse(job.MessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow().UtcTicks;
        return database.RunAsync(
            "release a scoring job",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    "UPDATE jobs SET visible_at = $now, receipt = NULL WHERE id = $id AND receipt = $receipt;",
                    null,
                    ("$id", id),
                    ("$receipt", job.Receipt),
                    ("$now", now));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task MoveToPoisonAsync(QueuedJob job, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(reason);
        return long.TryParse(job.MessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? PoisonAsync(id, job.Receipt, reason, cancellationToken)
            : Task.FromResult(0);
    }

    /// <summary>The poison store, oldest first: for operators and tests.</summary>
    public Task<IReadOnlyList<PoisonedJob>> ReadPoisonedAsync(CancellationToken cancellationToken) =>
        database.RunAsync(
            "read poisoned jobs",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "SELECT id, json, dequeue_count, reason, poisoned_at FROM poison_jobs ORDER BY poisoned_at, id;");
                var result = new List<PoisonedJob>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    result.Add(new PoisonedJob(
                        reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                        reader.GetString(1),
                        reader.GetInt32(2),
                        reader.GetString(3),
                        new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero)));
                }

                return (IReadOnlyList<PoisonedJob>)result;
            },
            cancellationToken);

    private Task<int> PoisonAsync(long id, string receipt, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        return database.RunInTransactionAsync(
            "move a scoring job to the poison store",
            async (connection, transaction) =>
            {
                await using var copy = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT OR REPLACE INTO poison_jobs (id, json, dequeue_count, reason, poisoned_at)
                    SELECT id, json, dequeue_count, $reason, $now FROM jobs WHERE id = $id AND receipt = $receipt;
                    """,
                    transaction,
                    ("$id", id),
                    ("$receipt", receipt),
                    ("$reason", reason),
                    ("$now", now));
                await copy.ExecuteNonQueryAsync(cancellationToken);
                await using var delete = SqliteDatabase.Command(connection, "DELETE FROM jobs WHERE id = $id AND receipt = $receipt;", transaction, ("$id", id), ("$receipt", receipt));
                return await delete.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }
}
