using Microsoft.Data.Sqlite;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// How an interview lies in SQLite since schema version 2: its state (everything but the answers) in <c>interviews.json</c>,
/// each answer in a row of <c>interview_answers</c> numbered from 0, and the outbox's lines in <c>transcript_turns</c>,
/// written in the same transaction as the state. The statements are the ones <see cref="SqliteInterviewStore"/> runs. JSON is
/// bound as UTF-8 bytes (<see cref="StoredDocuments.SerializeUtf8{T}"/>) and cast to TEXT, so rows stay text that json_extract reads.
/// </summary>
internal static class SqliteInterviewRows
{
    public const string SelectById = "SELECT json, etag FROM interviews WHERE id = $id;";

    public const string SelectByConversation = "SELECT id, json, etag FROM interviews WHERE conversation_key = $key ORDER BY created_at DESC, id LIMIT 1;";

    public const string SelectAnswers = "SELECT json FROM interview_answers WHERE interview_id = $id ORDER BY number;";

    public const string Insert = """
        INSERT INTO interviews (id, conversation_key, profile_id, candidate_id, created_at, etag, json)
        VALUES ($id, $conversationKey, $profileId, $candidateId, $createdAt, $etag, CAST($json AS TEXT))
        ON CONFLICT (id) DO NOTHING;
        """;

    // created_at is kept from the first write, like the other backends.
    public const string Update = """
        UPDATE interviews
        SET conversation_key = $conversationKey, profile_id = $profileId, candidate_id = $candidateId, etag = $next, json = CAST($json AS TEXT)
        WHERE id = $id AND etag = $etag;
        """;

    public const string UpsertAnswer = """
        INSERT INTO interview_answers (interview_id, number, json) VALUES ($id, $number, CAST($json AS TEXT))
        ON CONFLICT (interview_id, number) DO UPDATE SET json = excluded.json;
        """;

    public const string DeleteAnswersFrom = "DELETE FROM interview_answers WHERE interview_id = $id AND number >= $from;";

    /// <summary>Writes answers <paramref name="from"/>… of <paramref name="interview"/> in <paramref name="transaction"/>.</summary>
    public static async Task WriteAnswersAsync(SqliteSession session, SqliteTransaction transaction, Interview interview, int from, CancellationToken cancellationToken)
    {
        var answers = interview.Record.Answers;
        if (from >= answers.Count)
        {
            return;
        }

        var command = session.Command(UpsertAnswer, transaction, "$id", "$number", "$json");
        command.Parameters["$id"].Value = interview.Id;
        for (var number = from; number < answers.Count; number++)
        {
            command.Parameters["$number"].Value = number;
            command.Parameters["$json"].Value = StoredDocuments.SerializeUtf8(answers[number], "answer of interview", interview.Id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Reads the answers of interview <paramref name="interviewId"/>, in order, to put back into its record.</summary>
    public static async Task<IReadOnlyList<Dialogs.Waterfall.AnswerRecord>> ReadAnswersAsync(SqliteSession session, SqliteTransaction transaction, string interviewId, CancellationToken cancellationToken)
    {
        var command = session.Command(SelectAnswers, transaction, "$id");
        command.Parameters["$id"].Value = interviewId;
        var answers = new List<Dialogs.Waterfall.AnswerRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add(DialogsJson.Deserialize<Dialogs.Waterfall.AnswerRecord>(reader.GetString(0)));
        }

        return answers;
    }

    /// <summary>
    /// The data step of schema version 2: every stored interview (of any interview schema) rewritten with its state in its
    /// row, its answers in rows of their own and its outbox's lines in the transcript. Runs inside the migration's transaction.
    /// </summary>
    /// <returns>How many interviews were moved.</returns>
    public static async Task<int> MoveAnswersOutAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var stored = new List<Interview>();
        await using (var select = SqliteDatabase.Command(connection, "SELECT json FROM interviews;", transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(InterviewSchema.Read(reader.GetString(0)));
            }
        }

        await using var update = SqliteDatabase.Command(connection, "UPDATE interviews SET json = $json WHERE id = $id;", transaction, ("$id", string.Empty), ("$json", string.Empty));
        await using var answer = SqliteDatabase.Command(connection, UpsertAnswer, transaction, ("$id", string.Empty), ("$number", 0), ("$json", string.Empty));
        await using var line = SqliteDatabase.Command(connection, SqliteTranscriptStore.Upsert, transaction, ("$interviewId", string.Empty), ("$sequence", 0L), ("$json", string.Empty));
        foreach (var interview in stored)
        {
            update.Parameters["$id"].Value = interview.Id;
            update.Parameters["$json"].Value = StoredDocuments.SerializeState(interview, keepOutbox: false);
            await update.ExecuteNonQueryAsync(cancellationToken);
            answer.Parameters["$id"].Value = interview.Id;
            for (var number = 0; number < interview.Record.Answers.Count; number++)
            {
                answer.Parameters["$number"].Value = number;
                answer.Parameters["$json"].Value = DialogsJson.Serialize(interview.Record.Answers[number]);
                await answer.ExecuteNonQueryAsync(cancellationToken);
            }

            line.Parameters["$interviewId"].Value = interview.Id;
            foreach (var (turn, json) in StoredDocuments.SerializeTurns(interview.Id, interview.Record.TranscriptOutbox))
            {
                line.Parameters["$sequence"].Value = turn.Sequence;
                line.Parameters["$json"].Value = json;
                await line.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return stored.Count;
    }
}
