using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// Transcripts in SQLite: one row per turn keyed by (interview id, sequence). Re-appending a sequence replaces
/// the row, so a retried turn never duplicates a line. All turns of one call are written in one transaction.
/// </summary>
internal sealed class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    public Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        ArgumentNullException.ThrowIfNull(turns);
        var rows = StoredDocuments.SerializeTurns(interviewId, turns);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.RunInTransactionAsync(
            "append transcript turns",
            async (connection, transaction) =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT INTO transcript_turns (interview_id, sequence, json) VALUES ($interviewId, $sequence, $json)
                    ON CONFLICT (interview_id, sequence) DO UPDATE SET json = excluded.json;
                    """,
                    transaction,
                    ("$interviewId", interviewId),
                    ("$sequence", 0L),
                    ("$json", string.Empty));
                foreach (var (turn, json) in rows)
                {
                    command.Parameters["$sequence"].Value = turn.Sequence;
                    command.Parameters["$json"].Value = json;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                return rows.Count;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "read a transcript",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    "SELECT json FROM transcript_turns WHERE interview_id = $interviewId ORDER BY sequence;",
                    null,
                    ("$interviewId", interviewId));
                var turns = new List<TranscriptTurn>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    turns.Add(DialogsJson.Deserialize<TranscriptTurn>(reader.GetString(0)));
                }

                return (IReadOnlyList<TranscriptTurn>)turns;
            },
            cancellationToken);
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
