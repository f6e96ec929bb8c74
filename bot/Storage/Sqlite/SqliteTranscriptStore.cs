using Microsoft.Data.Sqlite;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// Transcripts in SQLite: one row per turn keyed by (interview id, sequence). Re-appending a sequence replaces
/// the row, so a retried turn never duplicates a line. All turns of one call are written in one transaction; a turn's
/// own lines usually arrive with its interview instead (<see cref="SqliteInterviewStore"/>), in the interview's transaction.
/// </summary>
internal sealed class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    public const string Upsert = """
        INSERT INTO transcript_turns (interview_id, sequence, json) VALUES ($interviewId, $sequence, CAST($json AS TEXT))
        ON CONFLICT (interview_id, sequence) DO UPDATE SET json = excluded.json;
        """;

    public Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        ArgumentNullException.ThrowIfNull(turns);
        var rows = StoredDocuments.SerializeTurns(interviewId, turns);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.RunWriteSessionAsync(
            "append transcript turns",
            async session =>
            {
                await using var transaction = session.Connection.BeginTransaction(deferred: false);
                await WriteAsync(session, transaction, interviewId, rows, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return rows.Count;
            },
            cancellationToken);
    }

    /// <summary>Writes already validated lines (<see cref="StoredDocuments.SerializeTurns"/>) inside <paramref name="transaction"/>.</summary>
    public static async Task WriteAsync(SqliteSession session, SqliteTransaction transaction, string interviewId, IReadOnlyList<(TranscriptTurn Turn, byte[] Json)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var command = session.Command(Upsert, transaction, "$interviewId", "$sequence", "$json");
        command.Parameters["$interviewId"].Value = interviewId;
        foreach (var (turn, json) in rows)
        {
            command.Parameters["$sequence"].Value = turn.Sequence;
            command.Parameters["$json"].Value = json;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunSessionAsync("read a transcript", session => ReadAfterAsync(session, null, interviewId, -1, cancellationToken), cancellationToken);
    }

    /// <summary>The lines of <paramref name="interviewId"/> with a sequence above <paramref name="after"/>, in order.</summary>
    public static async Task<IReadOnlyList<TranscriptTurn>> ReadAfterAsync(SqliteSession session, SqliteTransaction? transaction, string interviewId, long after, CancellationToken cancellationToken)
    {
        var command = session.Command("SELECT json FROM transcript_turns WHERE interview_id = $interviewId AND sequence > $after ORDER BY sequence;", transaction, "$interviewId", "$after");
        command.Parameters["$interviewId"].Value = interviewId;
        command.Parameters["$after"].Value = after;
        var turns = new List<TranscriptTurn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            turns.Add(DialogsJson.Deserialize<TranscriptTurn>(reader.GetString(0)));
        }

        return turns;
    }

    public Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "delete a transcript",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "DELETE FROM transcript_turns WHERE interview_id = $interviewId;", null, ("$interviewId", interviewId));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }
}
