using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>Self-identification in SQLite, table <c>self_identifications</c> (apart from <c>interviews</c>): one row per interview.</summary>
internal sealed class SqliteSelfIdentificationStore(SqliteDatabase database) : ISelfIdentificationStore
{
    public Task SaveAsync(SelfIdentification record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = StoredDocuments.Serialize(record, $"self-identification of interview '{record.InterviewId}'");
        return database.RunAsync(
            "save a self-identification",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT INTO self_identifications (interview_id, profile_id, interview_created_at, json) VALUES ($interviewId, $profileId, $createdAt, $json)
                    ON CONFLICT (interview_id) DO UPDATE SET profile_id = excluded.profile_id, interview_created_at = excluded.interview_created_at, json = excluded.json;
                    """,
                    null,
                    ("$interviewId", record.InterviewId),
                    ("$profileId", record.ProfileId),
                    ("$createdAt", record.InterviewCreatedAt.UtcTicks),
                    ("$json", json));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<SelfIdentification?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "read a self-identification",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "SELECT json FROM self_identifications WHERE interview_id = $interviewId;", null, ("$interviewId", interviewId));
                return await command.ExecuteScalarAsync(cancellationToken) is string json ? DialogsJson.Deserialize<SelfIdentification>(json) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<SelfIdentification>> ListAsync(SelfIdentificationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return database.RunAsync<IReadOnlyList<SelfIdentification>>(
            "list self-identifications",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    SELECT json FROM self_identifications
                    WHERE interview_created_at >= $from AND interview_created_at < $to AND ($profileId IS NULL OR profile_id = $profileId);
                    """,
                    null,
                    ("$from", query.From.UtcTicks),
                    ("$to", query.To.UtcTicks),
                    ("$profileId", query.ProfileId));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var found = new List<SelfIdentification>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(DialogsJson.Deserialize<SelfIdentification>(reader.GetString(0)));
                }

                return found;
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "delete a self-identification",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "DELETE FROM self_identifications WHERE interview_id = $interviewId;", null, ("$interviewId", interviewId));
                return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);
    }
}
