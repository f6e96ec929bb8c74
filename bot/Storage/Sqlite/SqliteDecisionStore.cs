using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// Decision histories in SQLite, table <c>decisions</c>: one row per entry keyed by interview and entry id, holding the
/// entry's DialogsJson. The table comes with schema version 4 (<see cref="SqliteDatabase"/>'s migrations).
/// </summary>
internal sealed class SqliteDecisionStore(SqliteDatabase database) : IDecisionStore
{
    public Task AppendAsync(DecisionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = StoredDocuments.Serialize(entry, $"decision entry of interview '{entry.InterviewId}'");
        return database.RunAsync(
            "append a decision",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    "INSERT INTO decisions (interview_id, id, at, json) VALUES ($interviewId, $id, $at, $json) ON CONFLICT DO NOTHING;",
                    null,
                    ("$interviewId", entry.InterviewId),
                    ("$id", entry.Id),
                    ("$at", entry.At.UtcTicks),
                    ("$json", json));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public async Task<DecisionHistory> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        var rows = await database.RunAsync(
            "read decisions",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "SELECT json FROM decisions WHERE interview_id = $interviewId ORDER BY at, id;", null, ("$interviewId", interviewId));
                var found = new List<string>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.GetString(0));
                }

                return found;
            },
            cancellationToken);
        return new DecisionHistory(rows.Select(DialogsJson.Deserialize<DecisionEntry>));
    }

    public Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "delete decisions",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "DELETE FROM decisions WHERE interview_id = $interviewId;", null, ("$interviewId", interviewId));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }
}
