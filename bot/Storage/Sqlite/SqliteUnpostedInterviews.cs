using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// <see cref="IUnpostedInterviews"/> in SQLite: one query over the interviews created since the cutoff (their index on
/// <c>created_at</c>), the status read from the state's JSON, and the report's posted mark from its JSON.
/// </summary>
internal sealed class SqliteUnpostedInterviews(SqliteDatabase database) : IUnpostedInterviews
{
    private static readonly string Statuses = string.Join(", ", Enum.GetValues<InterviewStatus>()
        .Where(s => s.IsTerminal() && s is not (InterviewStatus.Cancelled or InterviewStatus.Expired))
        .Select(s => $"'{s}'"));

    private static readonly string Sql = $"""
        SELECT i.id FROM interviews i
        WHERE i.created_at >= $since
          AND json_extract(i.json, '$.record.status') IN ({Statuses})
          AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.interview_id = i.id AND json_extract(r.json, '$.postedAt') IS NOT NULL)
        ORDER BY i.created_at, i.id
        LIMIT $limit;
        """;

    public Task<IReadOnlyList<string>> ListAsync(DateTimeOffset createdSince, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.RunAsync<IReadOnlyList<string>>(
            "list finished interviews without a posted scorecard",
            async connection =>
            {
                await using var command = SqliteDatabase.Command(connection, Sql, null, ("$since", createdSince.UtcTicks), ("$limit", limit));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var ids = new List<string>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetString(0));
                }

                return ids;
            },
            cancellationToken);
    }
}
