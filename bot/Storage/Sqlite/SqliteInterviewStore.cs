using Microsoft.Data.Sqlite;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// Interviews in SQLite (<see cref="SqliteInterviewRows"/>): a row per interview holding its state and an ETag column that
/// every write replaces, its answers in rows of their own, and the outbox's lines written to the transcript in the same
/// transaction, so a turn is one transaction: the state row, the answers it added, its transcript lines. An update succeeds
/// only where the row still carries the ETag the caller read.
/// </summary>
internal sealed class SqliteInterviewStore(SqliteDatabase database) : IInterviewStore, IInterviewHistoryReader
{
    public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var json = StoredDocuments.SerializeStateUtf8(interview, keepOutbox: false);
        var lines = StoredDocuments.SerializeTurns(interview.Id, interview.Record.TranscriptOutbox);
        var etag = NewETag();
        return database.RunWriteSessionAsync(
            "create an interview",
            async session =>
            {
                await using var transaction = session.Connection.BeginTransaction(deferred: false);
                var insert = session.Command(SqliteInterviewRows.Insert, transaction, "$id", "$conversationKey", "$profileId", "$candidateId", "$createdAt", "$etag", "$json");
                Bind(insert, interview, json);
                insert.Parameters["$createdAt"].Value = interview.CreatedAt.UtcTicks;
                insert.Parameters["$etag"].Value = etag;
                if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw new ConcurrencyConflictException($"An interview with id '{interview.Id}' already exists.");
                }

                await SqliteInterviewRows.WriteAnswersAsync(session, transaction, interview, 0, cancellationToken);
                await SqliteTranscriptStore.WriteAsync(session, transaction, interview.Id, lines, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new StoredInterview(WithoutOutbox(interview), etag);
            },
            cancellationToken);
    }

    public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return ReadOneAsync("read an interview", SqliteInterviewRows.SelectById, "$id", interviewId, cancellationToken);
    }

    public async Task<InterviewHistory?> ReadHistoryAsync(string interviewId, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        var lines = new List<TranscriptTurn>();
        var stored = await ReadOneAsync("read an interview and its latest lines", SqliteInterviewRows.SelectById, "$id", interviewId, cancellationToken, (after, lines));
        return stored is null ? null : new InterviewHistory(stored, lines);
    }

    public Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        if (!string.Equals(current.Interview.Id, updated.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The update is of interview '{updated.Id}', but '{current.Interview.Id}' was read.", nameof(updated));
        }

        var json = StoredDocuments.SerializeStateUtf8(updated, keepOutbox: false);
        var lines = StoredDocuments.SerializeTurns(updated.Id, updated.Record.TranscriptOutbox);

        // A turn only adds answers: write those. Anything else rewrites them all and drops what is no longer there.
        var grows = current.AnswersOnlyGrowTo(updated);
        var next = NewETag();
        return database.RunWriteSessionAsync(
            "update an interview",
            async session =>
            {
                await using var transaction = session.Connection.BeginTransaction(deferred: false);
                var update = session.Command(SqliteInterviewRows.Update, transaction, "$id", "$conversationKey", "$profileId", "$candidateId", "$next", "$etag", "$json");
                Bind(update, updated, json);
                update.Parameters["$next"].Value = next;
                update.Parameters["$etag"].Value = current.ETag;
                if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw new ConcurrencyConflictException($"Interview '{updated.Id}' was changed or deleted since it was read; reload it and retry the turn.");
                }

                if (!grows)
                {
                    var delete = session.Command(SqliteInterviewRows.DeleteAnswersFrom, transaction, "$id", "$from");
                    delete.Parameters["$id"].Value = updated.Id;
                    delete.Parameters["$from"].Value = updated.Record.Answers.Count;
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }

                await SqliteInterviewRows.WriteAnswersAsync(session, transaction, updated, grows ? current.Interview.Record.Answers.Count : 0, cancellationToken);
                await SqliteTranscriptStore.WriteAsync(session, transaction, updated.Id, lines, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new StoredInterview(WithoutOutbox(updated), next);
            },
            cancellationToken);
    }

    public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        return ReadOneAsync("find an interview by conversation", SqliteInterviewRows.SelectByConversation, "$key", conversationKey, cancellationToken);
    }

    public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.RunSessionAsync(
            "list interviews",
            async session =>
            {
                // One read transaction: the state rows and their answers as of one moment.
                await using var transaction = session.Connection.BeginTransaction(deferred: true);
                var select = session.Command(
                    """
                    SELECT json FROM interviews
                    WHERE ($profileId IS NULL OR profile_id = $profileId)
                      AND ($candidateId IS NULL OR candidate_id = $candidateId)
                      AND ($createdBefore IS NULL OR created_at < $createdBefore)
                    ORDER BY created_at DESC, id
                    LIMIT $limit;
                    """,
                    transaction,
                    "$profileId",
                    "$candidateId",
                    "$createdBefore",
                    "$limit");
                select.Parameters["$profileId"].Value = (object?)query.ProfileId ?? DBNull.Value;
                select.Parameters["$candidateId"].Value = (object?)query.CandidateId ?? DBNull.Value;
                select.Parameters["$createdBefore"].Value = (object?)query.CreatedBefore?.UtcTicks ?? DBNull.Value;
                select.Parameters["$limit"].Value = limit;
                var states = new List<Interview>();
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        states.Add(InterviewSchema.Read(reader.GetString(0)));
                    }
                }

                var result = new List<Interview>(states.Count);
                foreach (var state in states)
                {
                    result.Add(WithAnswers(state, await SqliteInterviewRows.ReadAnswersAsync(session, transaction, state.Id, cancellationToken)));
                }

                await transaction.CommitAsync(cancellationToken);
                return (IReadOnlyList<Interview>)result;
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return database.RunWriteSessionAsync(
            "delete an interview",
            async session =>
            {
                await using var transaction = session.Connection.BeginTransaction(deferred: false);
                var answers = session.Command(SqliteInterviewRows.DeleteAnswersFrom, transaction, "$id", "$from");
                answers.Parameters["$id"].Value = interviewId;
                answers.Parameters["$from"].Value = 0;
                await answers.ExecuteNonQueryAsync(cancellationToken);
                var delete = session.Command("DELETE FROM interviews WHERE id = $id;", transaction, "$id");
                delete.Parameters["$id"].Value = interviewId;
                var deleted = await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
                await transaction.CommitAsync(cancellationToken);
                return deleted;
            },
            cancellationToken);
    }

    /// <param name="lines">When given, the transcript lines above its cursor are added to its list in the same read transaction.</param>
    private Task<StoredInterview?> ReadOneAsync(string action, string sql, string parameter, string value, CancellationToken cancellationToken, (long After, List<TranscriptTurn> Into)? lines = null) =>
        database.RunSessionAsync(
            action,
            async session =>
            {
                // One read transaction: the state row and its answers as of one moment.
                await using var transaction = session.Connection.BeginTransaction(deferred: true);
                var select = session.Command(sql, transaction, parameter);
                select.Parameters[parameter].Value = value;
                Interview state;
                string etag;
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        return null;
                    }

                    var json = reader.GetOrdinal("json");
                    state = InterviewSchema.Read(reader.GetString(json));
                    etag = reader.GetString(reader.GetOrdinal("etag"));
                }

                var answers = await SqliteInterviewRows.ReadAnswersAsync(session, transaction, state.Id, cancellationToken);
                if (lines is var (after, into))
                {
                    into.AddRange(await SqliteTranscriptStore.ReadAfterAsync(session, transaction, state.Id, after, cancellationToken));
                }

                await transaction.CommitAsync(cancellationToken);
                return new StoredInterview(WithAnswers(state, answers), etag);
            },
            cancellationToken);

    private static void Bind(SqliteCommand command, Interview interview, byte[] json)
    {
        command.Parameters["$id"].Value = interview.Id;
        command.Parameters["$conversationKey"].Value = interview.ConversationKey;
        command.Parameters["$profileId"].Value = interview.ProfileId;
        command.Parameters["$candidateId"].Value = interview.Candidate.Id;
        command.Parameters["$json"].Value = json;
    }

    private static Interview WithAnswers(Interview state, IReadOnlyList<Dialogs.Waterfall.AnswerRecord> answers) =>
        state with { Record = state.Record with { Answers = answers } };

    private static Interview WithoutOutbox(Interview interview) =>
        interview.Record.TranscriptOutbox.Count == 0 ? interview : interview with { Record = interview.Record with { TranscriptOutbox = [] } };

    // Random rather than a counter: a deleted and re-created interview must not accept an ETag of its predecessor.
    private static string NewETag() => "\"" + Guid.NewGuid().ToString("N") + "\"";
}
