using Microsoft.Data.Sqlite;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// Interviews in SQLite: one row per interview holding its DialogsJson, with an ETag column that every write
/// replaces; an update succeeds only where the row still carries the caller's ETag.
/// </summary>
internal sealed class SqliteInterviewStore(SqliteDatabase database) : IInterviewStore
{
    private const string SelectColumns = "SELECT json, etag FROM interviews";

    public Task<string> CreateAsync(Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var json = StoredDocuments.Serialize(interview, "interview '" + interview.Id + "'");
        var etag = NewETag();
        return database.RunAsync(
            "create an interview",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT INTO interviews (id, conversation_key, profile_id, candidate_id, created_at, etag, json)
                    VALUES ($id, $conversationKey, $profileId, $candidateId, $createdAt, $etag, $json)
                    ON CONFLICT (id) DO NOTHING;
                    """,
                    null,
                    ("$id", interview.Id),
                    ("$conversationKey", interview.ConversationKey),
                    ("$profileId", interview.ProfileId),
                    ("$candidateId", interview.Candidate.Id),
                    ("$createdAt", interview.CreatedAt.UtcTicks),
                    ("$etag", etag),
                    ("$json", json));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1
                    ? etag
                    : throw new ConcurrencyConflictException($"An interview with id '{interview.Id}' already exists.");
            },
            cancellationToken);
    }

    public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "read an interview",
            connection => ReadOneAsync(connection, SelectColumns + " WHERE id = $id;", ("$id", interviewId), cancellationToken),
            cancellationToken);
    }

    public Task<string> UpdateAsync(Interview interview, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(etag);
        var json = StoredDocuments.Serialize(interview, "interview '" + interview.Id + "'");
        var next = NewETag();
        return database.RunAsync(
            "update an interview",
            async connection =>
            {
                // created_at is kept from the first write, like the other backends.
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    UPDATE interviews
                    SET conversation_key = $conversationKey, profile_id = $profileId, candidate_id = $candidateId, etag = $next, json = $json
                    WHERE id = $id AND etag = $etag;
                    """,
                    null,
                    ("$id", interview.Id),
                    ("$conversationKey", interview.ConversationKey),
                    ("$profileId", interview.ProfileId),
                    ("$candidateId", interview.Candidate.Id),
                    ("$next", next),
                    ("$etag", etag),
                    ("$json", json));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1
                    ? next
                    : throw new ConcurrencyConflictException($"Interview '{interview.Id}' was changed or deleted since it was read; reload it and retry the turn.");
            },
            cancellationToken);
    }

    public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        return database.RunAsync(
            "find an interview by conversation",
            connection => ReadOneAsync(
                connection,
                SelectColumns + " WHERE conversation_key = $key ORDER BY created_at DESC, id LIMIT 1;",
                ("$key", conversationKey),
                cancellationToken),
            cancellationToken);
    }

    public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.RunAsync(
            "list interviews",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    SELECT json FROM interviews
                    WHERE ($profileId IS NULL OR profile_id = $profileId)
                      AND ($candidateId IS NULL OR candidate_id = $candidateId)
                      AND ($createdBefore IS NULL OR created_at < $createdBefore)
                    ORDER BY created_at DESC, id
                    LIMIT $limit;
                    """,
                    null,
                    ("$profileId", query.ProfileId),
                    ("$candidateId", query.CandidateId),
                    ("$createdBefore", query.CreatedBefore?.UtcTicks),
                    ("$limit", limit));
                var result = new List<Interview>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    result.Add(InterviewSchema.Read(reader.GetString(0)));
                }

                return (IReadOnlyList<Interview>)result;
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunAsync(
            "delete an interview",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "DELETE FROM interviews WHERE id = $id;", null, ("$id", interviewId));
                return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);
    }

    private static async Task<StoredInterview?> ReadOneAsync(SqliteConnection connection, string sql, (string Name, object? Value) parameter, CancellationToken cancellationToken)
    {
        await using var command = SqliteDatabase.Command(connection, sql, null, parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredInterview(InterviewSchema.Read(reader.GetString(0)), reader.GetString(1))
            : null;
    }

    // Random rather than a counter: a deleted and re-created interview must not accept an ETag of its predecessor.
    private static string NewETag() => "\"" + Guid.NewGuid().ToString("N") + "\"";
}
