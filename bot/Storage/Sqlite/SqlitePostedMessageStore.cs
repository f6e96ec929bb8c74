using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>Posted-message records in SQLite, table <c>posted_messages</c>: one row per (candidate, message key) holding the record's JSON.</summary>
internal sealed class SqlitePostedMessageStore(SqliteDatabase database) : IPostedMessageStore
{
    public Task SaveAsync(PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = StoredDocuments.Serialize(message, $"posted message of interview '{message.InterviewId}'");
        return database.RunAsync(
            "record a posted message",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection,
                    """
                    INSERT INTO posted_messages (candidate_id, key, json) VALUES ($candidateId, $key, $json)
                    ON CONFLICT (candidate_id, key) DO UPDATE SET json = excluded.json;
                    """,
                    null,
                    ("$candidateId", message.CandidateId),
                    ("$key", message.Key),
                    ("$json", json));
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<PostedMessage>> ListAsync(string candidateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return database.RunAsync(
            "list posted messages",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, "SELECT json FROM posted_messages WHERE candidate_id = $candidateId;", null, ("$candidateId", candidateId));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var found = new List<PostedMessage>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(DialogsJson.Deserialize<PostedMessage>(reader.GetString(0)));
                }

                return PostedMessages.InOrder(found);
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.RunAsync(
            "delete a posted message record",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(
                    connection, "DELETE FROM posted_messages WHERE candidate_id = $candidateId AND key = $key;", null, ("$candidateId", message.CandidateId), ("$key", message.Key));
                return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);
    }
}
