using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// One SQLite file shared by the SQLite stores: opens pooled connections in WAL mode with a busy timeout, keeps a few of
/// them open with their compiled statements for the statements every turn runs (<see cref="SqliteSession"/>), creates or
/// upgrades the schema on first use (versioned with <c>PRAGMA user_version</c>), and turns SQLite errors into
/// <see cref="StorageUnavailableException"/> so no <see cref="SqliteException"/> leaves bot/Storage.
/// </summary>
/// <remarks>Thread-safe; several processes may share the file (SQLite locks it, WAL lets readers run beside one writer).</remarks>
internal sealed class SqliteDatabase : IDisposable
{
    /// <summary>The schema this code writes. Each entry of <see cref="Migrations"/> moves the file one version up.</summary>
    public const int SchemaVersion = 5;

    /// <summary>
    /// Sessions kept open between calls. Turns run at most <c>Turns:MaxConcurrentTurns</c> at once and SQLite takes one
    /// writer at a time, so a few cover the steady state; a burst beyond opens more and closes them after.
    /// </summary>
    public const int MaxIdleSessions = 8;

    /// <summary>
    /// The WAL size (in 4 KiB pages) at which a committing turn checkpoints by itself. Checkpoints belong to
    /// <see cref="SqliteCheckpointWorker"/>, off the turn's path: SQLite's default (1,000 pages) made about one commit in a
    /// hundred copy the WAL into the database and sync it, which set the p99 turn latency (12 ms, against 2.4 ms
    /// without). This larger limit is only a backstop for a process that writes without the worker (the CLI).
    /// </summary>
    public const int AutoCheckpointPages = 10_000;

    /// <summary>How long a statement waits for another connection's write lock before giving up (SQLITE_BUSY).</summary>
    public const int BusyTimeoutMilliseconds = 5000;

    // SQLite primary result codes (sqlite.org/rescode.html) that mean the file, not the statement, failed.
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    private static readonly string[] Migrations =
    [
        // Version 1. Times are UTC ticks (integers sort and compare exactly); documents are DialogsJson.
        """
        CREATE TABLE IF NOT EXISTS interviews (
            id TEXT NOT NULL PRIMARY KEY,
            conversation_key TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            candidate_id TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            etag TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_interviews_conversation ON interviews (conversation_key, created_at DESC);
        CREATE INDEX IF NOT EXISTS ix_interviews_created ON interviews (created_at DESC);
        CREATE INDEX IF NOT EXISTS ix_interviews_candidate ON interviews (candidate_id);
        CREATE TABLE IF NOT EXISTS transcript_turns (
            interview_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (interview_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS reports (
            interview_id TEXT NOT NULL PRIMARY KEY,
            created_at INTEGER NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            json TEXT NOT NULL,
            enqueued_at INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            dequeue_count INTEGER NOT NULL DEFAULT 0,
            receipt TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_jobs_visible ON jobs (visible_at, id);
        CREATE TABLE IF NOT EXISTS poison_jobs (
            id INTEGER NOT NULL PRIMARY KEY,
            json TEXT NOT NULL,
            dequeue_count INTEGER NOT NULL,
            reason TEXT NOT NULL,
            poisoned_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS processed_messages (
            key TEXT NOT NULL PRIMARY KEY,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,

        // Version 2: candidate rights (issue 18). The audit log's primary key is its sequence, so two writers can never
        // both append entry N; where the bot posted what about a candidate, for erasure; self-identification, apart
        // from the interviews.
        """
        CREATE TABLE IF NOT EXISTS audit_log (
            sequence INTEGER NOT NULL PRIMARY KEY,
            hash TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS posted_messages (
            candidate_id TEXT NOT NULL,
            key TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (candidate_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS self_identifications (
            interview_id TEXT NOT NULL PRIMARY KEY,
            profile_id TEXT NOT NULL,
            interview_created_at INTEGER NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_self_identifications_created ON self_identifications (interview_created_at);
        """,
        // Version 3 (issue 19): an interview's answers in rows of their own, appended as they come, so a turn rewrites only
        // the small state row. SqliteInterviewRows.MoveAnswersOutAsync then moves the answers of every stored interview.
        """
        CREATE TABLE IF NOT EXISTS interview_answers (
            interview_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (interview_id, number)
        ) WITHOUT ROWID;
        """,

        // Version 4 (issue 17): recruiters' decisions and notes, one row per entry (SqliteDecisionStore), appended only.
        """
        CREATE TABLE IF NOT EXISTS decisions (
            interview_id TEXT NOT NULL,
            id TEXT NOT NULL,
            at INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (interview_id, id)
        ) WITHOUT ROWID;
        """,

        // Version 5 (issue 17): webhook events that failed every attempt, one row per event, until an operator replays them
        // (SqliteWebhookDeadLetterStore). Those dead-lettered before sit in poison_jobs: they move here, to be listed and replayed.
        """
        CREATE TABLE IF NOT EXISTS webhook_dead_letters (
            event_id TEXT NOT NULL PRIMARY KEY,
            event_type TEXT NOT NULL,
            interview_id TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            last_error TEXT NOT NULL,
            dead_lettered_at INTEGER NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_webhook_dead_letters_at ON webhook_dead_letters (dead_lettered_at, event_id);
        INSERT OR IGNORE INTO webhook_dead_letters (event_id, event_type, interview_id, attempts, last_error, dead_lettered_at, body)
        SELECT json_extract(json, '$.webhook.eventId'), json_extract(json, '$.webhook.eventType'), json_extract(json, '$.interviewId'),
               json_extract(json, '$.webhook.attempt'), reason, poisoned_at, json_extract(json, '$.webhook.body')
        FROM poison_jobs WHERE
            CASE WHEN json_valid(json) THEN json_type(json, '$.webhook.eventId') = 'text' AND json_type(json, '$.webhook.eventType') = 'text'
                AND json_type(json, '$.webhook.body') = 'text' AND json_type(json, '$.webhook.attempt') = 'integer'
                AND json_type(json, '$.interviewId') = 'text' ELSE 0 END;
        DELETE FROM poison_jobs WHERE id IN (SELECT p.id FROM poison_jobs p JOIN webhook_dead_letters d
            ON CASE WHEN json_valid(p.json) THEN json_extract(p.json, '$.webhook.eventId') END = d.event_id);
        """,
    ];

    /// <summary>The SQL that moves a file from version <paramref name="version"/> - 1 to <paramref name="version"/> (tests build old files with it).</summary>
    internal static string MigrationTo(int version) => Migrations[version - 1];

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private static readonly object Configured = new();

    private readonly SemaphoreSlim _schemaGate = new(1, 1);

    /// <summary>
    /// This process's writers, one at a time. SQLite takes one writer per file anyway; a second connection that finds the
    /// lock taken sleeps in SQLite's busy handler (1, 2, 5, 10 ms and up) and wakes late, long after the 0.3 ms write
    /// ahead of it is done. Queued here, the next writer starts the moment the previous one commits. Other processes on
    /// the file still wait through the busy timeout.
    /// </summary>
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private volatile bool _disposed;

    /// <summary>Native connections whose pragmas are set; weak, so a closed connection's entry goes with it.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();
    private volatile bool _schemaReady;

    public SqliteDatabase(string path, ILogger<SqliteDatabase> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(logger);
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement until this many seconds have passed, on top of SQLite's own
            // busy timeout; 30 made a locked file keep a candidate waiting half a minute for the request to try again.
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection (schema ready, pragmas set). SQLite failures become
    /// <see cref="StorageUnavailableException"/> naming <paramref name="action"/> and the file.
    /// </summary>
    public Task<T> RunAsync<T>(string action, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken) =>
        GuardAsync(
            action,
            async () =>
            {
                await EnsureSchemaAsync(cancellationToken);
                await using var connection = await OpenConnectionAsync(cancellationToken);
                return await work(connection);
            });

    /// <summary>
    /// Runs <paramref name="work"/> on a kept <see cref="SqliteSession"/> (its commands compiled once), like
    /// <see cref="RunAsync{T}"/> otherwise. A session whose work failed is closed rather than kept, unless it failed with a
    /// <see cref="ConcurrencyConflictException"/>, which leaves the connection as it was.
    /// </summary>
    public Task<T> RunSessionAsync<T>(string action, Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken) =>
        GuardAsync(
            action,
            async () =>
            {
                await EnsureSchemaAsync(cancellationToken);
                var session = _idle.TryTake(out var idle) ? idle : new SqliteSession(await OpenConnectionAsync(cancellationToken));
                try
                {
                    var result = await work(session);
                    Return(session);
                    return result;
                }
                catch (ConcurrencyConflictException)
                {
                    Return(session);
                    throw;
                }
                catch
                {
                    session.Dispose();
                    throw;
                }
            });

    /// <summary>
    /// <see cref="RunSessionAsync{T}"/> for work that writes (a <c>BEGIN IMMEDIATE</c> transaction): waits for this
    /// process's other writers first (see <see cref="_writeGate"/>).
    /// </summary>
    public async Task<T> RunWriteSessionAsync<T>(string action, Func<SqliteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await RunSessionAsync(action, work, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Return(SqliteSession session)
    {
        if (_disposed || _idle.Count >= MaxIdleSessions)
        {
            session.Dispose();
            return;
        }

        _idle.Add(session);
    }

    private async Task<T> GuardAsync<T>(string action, Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (SqliteException e)
        {
            if (e.SqliteErrorCode is ReadOnly or IoError or Corrupt or CannotOpen or NotADatabase)
            {
                // The file itself failed, and a pooled connection keeps how it was opened: one opened while the volume
                // was read-only stays read-only after the volume is writable again. Open afresh next time.
                ClearPool();
            }

            throw Unavailable(action, e);
        }
        catch (IOException e)
        {
            throw new StorageUnavailableException($"Could not {action}: the SQLite file '{Path}' is not accessible ({e.Message}). Check Storage:SqlitePath and the folder's permissions.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StorageUnavailableException($"Could not {action}: no permission to use the SQLite file '{Path}'. Check Storage:SqlitePath and the folder's permissions.", e);
        }
    }

    /// <summary>Runs <paramref name="work"/> inside one <c>BEGIN IMMEDIATE</c> transaction, committed when it returns.</summary>
    public async Task<T> RunInTransactionAsync<T>(string action, Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(
                action,
                async connection =>
                {
                    // IMMEDIATE takes the write lock up front: a deferred transaction that later upgrades can fail with
                    // SQLITE_BUSY without waiting, which would surface as a spurious outage under concurrent turns.
                    await using var transaction = connection.BeginTransaction(deferred: false);
                    var result = await work(connection, transaction);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                },
                cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Copies the WAL's committed frames into the database file without waiting for readers or blocking writers
    /// (<c>PRAGMA wal_checkpoint(PASSIVE)</c>). Does nothing before the database is first used, so an idle bot creates
    /// no file.
    /// </summary>
    public async Task<SqliteCheckpoint> CheckpointAsync(CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            return new SqliteCheckpoint(0, 0);
        }

        return await RunAsync(
            "checkpoint the write-ahead log",
            async connection =>
            {
                await using var command = Command(connection, "PRAGMA wal_checkpoint(PASSIVE);");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? new SqliteCheckpoint(reader.GetInt32(1), reader.GetInt32(2))
                    : new SqliteCheckpoint(0, 0);
            },
            cancellationToken);
    }

    /// <summary>Creates a command with named parameters (<c>$name</c>); SQL is never built from values.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Closes the pooled connections of this file, so it can be deleted (tests) or moved.</summary>
    public void Dispose()
    {
        _disposed = true;
        ClearPool();
        _schemaGate.Dispose();
        _writeGate.Dispose();
    }

    /// <summary>Closes the kept sessions and the pooled connections, so the next use opens the file afresh.</summary>
    private void ClearPool()
    {
        while (_idle.TryTake(out var session))
        {
            session.Dispose();
        }

        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per native connection (pooled ones keep it): wait for a competing writer instead of failing at once; in
            // WAL mode sync at checkpoints only (a committed turn survives a process crash, the SIGKILL case, not a power
            // cut); and leave checkpoints to the background worker (see AutoCheckpointPages).
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                await using var pragma = Command(
                    connection,
                    string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {AutoCheckpointPages};"));
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(connection.Handle!, Configured);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = await OpenConnectionAsync(cancellationToken);

            // WAL is a property of the file and cannot change inside a transaction; set it before migrating.
            await using (var wal = Command(connection, "PRAGMA journal_mode = WAL;"))
            {
                await wal.ExecuteScalarAsync(cancellationToken);
            }

            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var versionCommand = Command(connection, "PRAGMA user_version;", transaction);
            var version = Convert.ToInt32(await versionCommand.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
            {
                throw new StorageUnavailableException(
                    $"The SQLite file '{Path}' has schema version {version}, newer than this bot understands ({SchemaVersion}). " +
                    "Run a newer bot, or point Storage:SqlitePath at another file.");
            }

            for (var next = version; next < SchemaVersion; next++)
            {
                await using var migrate = Command(connection, Migrations[next], transaction);
                await migrate.ExecuteNonQueryAsync(cancellationToken);
                if (next + 1 == 3 && version > 0)
                {
                    // A file of version 1 or 2 holds interviews with their answers inside: move them to their rows.
                    StorageLog.SqliteInterviewsUpgraded(_logger, await SqliteInterviewRows.MoveAnswersOutAsync(connection, transaction, cancellationToken), Path);
                }

                await using var bump = Command(connection, $"PRAGMA user_version = {(next + 1).ToString(CultureInfo.InvariantCulture)};", transaction);
                await bump.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (version < SchemaVersion)
            {
                StorageLog.SqliteSchemaCreated(_logger, SchemaVersion, Path);
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private StorageUnavailableException Unavailable(string action, SqliteException e)
    {
        var hint = e.SqliteErrorCode switch
        {
            5 or 6 => "the database stayed locked by another writer; try again",
            ReadOnly => "the file or its folder is read-only",
            IoError or CannotOpen => "the file or its folder cannot be opened or written: missing, not permitted, or on a read-only volume; check Storage:SqlitePath, permissions and the volume",
            Corrupt or NotADatabase => "the file is not a valid SQLite database; restore it from a backup or point Storage:SqlitePath elsewhere",
            13 => "the disk is full",
            _ => "see the inner exception",
        };
        return new StorageUnavailableException($"Could not {action} in the SQLite file '{Path}' (SQLite error {e.SqliteErrorCode.ToString(CultureInfo.InvariantCulture)}: {hint}).", e);
    }
}
