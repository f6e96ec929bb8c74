using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>Reports in SQLite: one row per interview holding the StoredReport's DialogsJson.</summary>
internal sealed class SqliteReportStore(SqliteDatabase database) : IReportStore
{
    public Task SaveAsync(StoredReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = StoredDocuments.Serialize(report, "report of interview '" + report.InterviewId + "'");
        return database.RunAsync(
            "save a report",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT INTO reports (interview_id, created_at, json) VALUES ($interviewId, $createdAt, $json)
                    ON CONFLICT (interview_id) DO UPDATE SET created_at = excluded.created_at, json = excluded.json;
                    """,
                    null,
                    ("$interviewId", report.InterviewId),
                    ("$createdAt", report.CreatedAt.UtcTicks),
                    ("$json", json));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<StoredReport?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "read a report",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "SELECT json FROM reports WHERE interview_id = $interviewId;", null, ("$interviewId", interviewId));
                var json = await command.ExecuteScalarAsync(cancellationToken) as string;
                return json is null ? null : DialogsJson.Deserialize<StoredReport>(json);
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "delete a report",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "DELETE FROM reports WHERE interview_id = $interviewId;", null, ("$interviewId", interviewId));
                return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);
    }
}
