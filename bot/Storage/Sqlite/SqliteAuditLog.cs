using Microsoft.Data.Sqlite;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// The audit log in SQLite, table <c>audit_log</c>: one row per entry keyed by its sequence. An append reads the head and
/// inserts the next entry inside one <c>BEGIN IMMEDIATE</c> transaction, which holds the file's write lock, so processes
/// sharing the file append one after the other; the primary key refuses a second entry N should anything slip past.
/// </summary>
internal sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    // SQLite constraint violation: another writer took this sequence.
    private const int ConstraintError = 19;

    private const int MaxAttempts = 5;

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.RunInTransactionAsync(
                    "append to the audit log",
                    async (connection, transaction) =>
                    {
                        long head = 0;
                        string? headHash = null;
                        await using (var last = SqliteDatabase.Command(connection, "SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1;", transaction))
                        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
                        {
                            if (await reader.ReadAsync(cancellationToken))
                            {
                                head = reader.GetInt64(0);
                                headHash = reader.GetString(1);
                            }
                        }

                        var entry = AuditChain.Seal(auditEvent, head, headHash);
                        await using var insert = SqliteDatabase.Command(
                            connection,
                            "INSERT INTO audit_log (sequence, hash, json) VALUES ($sequence, $hash, $json);",
                            transaction,
                            ("$sequence", entry.Sequence),
                            ("$hash", entry.Hash),
                            ("$json", StoredDocuments.Serialize(entry, $"audit entry {entry.Sequence}")));
                        await insert.ExecuteNonQueryAsync(cancellationToken);
                        return entry;
                    },
                    cancellationToken);
            }
            catch (StorageUnavailableException e) when (e.InnerException is SqliteException { SqliteErrorCode: ConstraintError } && attempt < MaxAttempts)
            {
                // Lost the head to another writer: read the new head and chain onto it.
            }
        }
    }

    public Task<IReadOnlyList<AuditRow>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.RunAsync<IReadOnlyList<AuditRow>>(
            "read the audit log",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    "SELECT sequence, json FROM audit_log WHERE sequence > $after ORDER BY sequence LIMIT $limit;",
                    null,
                    ("$after", afterSequence),
                    ("$limit", limit));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var rows = new List<AuditRow>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(new AuditRow(reader.GetInt64(0), reader.GetString(1)));
                }

                return rows;
            },
            cancellationToken);
    }
}
