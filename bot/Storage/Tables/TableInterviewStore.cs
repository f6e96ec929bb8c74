using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Interviews in Azure Table Storage. Table <c>{prefix}interviews</c>, one partition per interview (encoded id): the main
/// entity RowKey <c>interview</c> holds the state (everything but the answers, <see cref="StoredDocuments.SerializeState"/>;
/// split across parts when large) and is written with If-Match on its ETag (412 → <see cref="ConcurrencyConflictException"/>);
/// each answer has an entity <c>answer{number}</c>; the transcript's lines are entities <c>line{sequence}</c>
/// (<see cref="TableTranscriptStore"/>). A turn's write is one entity-group transaction in that partition: the main entity,
/// the answers it added and the outbox's lines, so a turn costs one request. Table <c>{prefix}conversations</c> indexes
/// interviews by conversation key: PartitionKey = encoded key, RowKey = inverted creation ticks + id, so the newest comes
/// first. The index is written before the interview and checked against it on read, so a stale entry (a failed create, a
/// changed key) is never returned. A main entity written before answers had rows of their own (no <c>Layout</c>) holds
/// them in its JSON; reading it through <see cref="GetAsync"/> or <see cref="FindByConversationAsync"/> rewrites it.
/// </summary>
internal sealed class TableInterviewStore(AzureStorageAccount account) : IInterviewStore, IInterviewHistoryReader
{
    private const string MainRowKey = "interview";
    private const string AnswerPrefix = "answer";
    private const string LayoutProperty = "Layout";
    private const string AnswerCountProperty = "AnswerCount";

    // Answers in rows of their own; absent (layout 1) before issue 19.
    private const int CurrentLayout = 2;

    // A torn read (a write landing between the query's pages) is retried this many times before giving up.
    private const int ReadAttempts = 3;

    // A fresh id on every write of the main entity: after a 412 or 409 it tells whether the stored entity is this very write.
    private const string WriteIdProperty = "WriteId";

    public async Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var write = Plan(interview, TableTransactionActionType.Add, default, answersFrom: 0, answersBefore: 0);
        TableClient? table = null;
        try
        {
            var index = await account.GetTableAsync(AzureStorageAccount.ConversationsTable, cancellationToken);
            await index.UpsertEntityAsync(IndexEntry(interview), TableUpdateMode.Replace, cancellationToken);
            table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            return await SubmitAsync(table, interview, write, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await WrittenAsync(table!, interview, write, cancellationToken)
                ?? throw new ConcurrencyConflictException($"An interview with id '{interview.Id}' already exists.", e);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("create an interview", e);
        }
    }

    public async Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            return await ReadAsync(table, interviewId, upgrade: true, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read an interview", e);
        }
    }

    public async Task<InterviewHistory?> ReadHistoryAsync(string interviewId, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            var lines = new List<TableEntity>();
            var stored = await ReadAsync(table, interviewId, upgrade: false, cancellationToken, (after, lines));
            return stored is null ? null : new InterviewHistory(stored, [.. TranscriptEntities.Read(lines, TranscriptEntities.LinePrefix, interviewId)]);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read an interview and its latest lines", e);
        }
    }

    public async Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        if (!string.Equals(current.Interview.Id, updated.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The update is of interview '{updated.Id}', but '{current.Interview.Id}' was read.", nameof(updated));
        }

        // A turn only adds answers: write those. Anything else rewrites them all and drops what is no longer there.
        var before = current.Interview.Record.Answers.Count;
        var write = Plan(updated, TableTransactionActionType.UpdateReplace, new ETag(current.ETag), current.AnswersOnlyGrowTo(updated) ? before : 0, before);
        TableClient? table = null;
        try
        {
            // A changed conversation (or creation time) needs its index entry first, as on create; a turn changes neither.
            if (!string.Equals(current.Interview.ConversationKey, updated.ConversationKey, StringComparison.Ordinal) || current.Interview.CreatedAt != updated.CreatedAt)
            {
                var index = await account.GetTableAsync(AzureStorageAccount.ConversationsTable, cancellationToken);
                await index.UpsertEntityAsync(IndexEntry(updated), TableUpdateMode.Replace, cancellationToken);
            }

            table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            return await SubmitAsync(table, updated, write, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return await WrittenAsync(table!, updated, write, cancellationToken)
                ?? throw new ConcurrencyConflictException($"Interview '{updated.Id}' was changed or deleted since it was read; reload it and retry the turn.", e);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("update an interview", e);
        }
    }

    public async Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        try
        {
            var index = await account.GetTableAsync(AzureStorageAccount.ConversationsTable, cancellationToken);
            var table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            var partitionKey = TableKeys.Encode(conversationKey);
            await foreach (var entry in index.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"),
                maxPerPage: 20,
                select: ["RowKey", "InterviewId", "CreatedAtTicks"],
                cancellationToken: cancellationToken))
            {
                if (entry.GetString("InterviewId") is not { } interviewId)
                {
                    continue;
                }

                var stored = await ReadAsync(table, interviewId, upgrade: true, cancellationToken);
                if (stored is not null
                    && string.Equals(stored.Interview.ConversationKey, conversationKey, StringComparison.Ordinal)
                    && stored.Interview.CreatedAt.UtcTicks == entry.GetInt64("CreatedAtTicks"))
                {
                    return stored;
                }
            }

            return null;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("find an interview by conversation", e);
        }
    }

    public async Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);

            // Table Storage cannot sort: the filter runs on the server over small projected rows, the newest
            // `limit` are picked here, and only those are read whole.
            var filter = TableClient.CreateQueryFilter($"RowKey eq {MainRowKey}");
            if (query.ProfileId is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"ProfileId eq {query.ProfileId}");
            }

            if (query.CandidateId is not null)
            {
                filter += " and " + TableClient.CreateQueryFilter($"CandidateId eq {query.CandidateId}");
            }

            if (query.CreatedBefore is { } before)
            {
                filter += " and " + TableClient.CreateQueryFilter($"CreatedAtTicks lt {before.UtcTicks}");
            }

            var rows = new List<(string Id, long Ticks)>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["Id", "CreatedAtTicks"], cancellationToken: cancellationToken))
            {
                if (row.GetString("Id") is { } id && row.GetInt64("CreatedAtTicks") is { } ticks)
                {
                    rows.Add((id, ticks));
                }
            }

            var result = new List<Interview>(Math.Min(limit, rows.Count));
            foreach (var (id, _) in rows.OrderByDescending(r => r.Ticks).ThenBy(r => r.Id, StringComparer.Ordinal).Take(limit))
            {
                if (await ReadAsync(table, id, upgrade: false, cancellationToken) is { } stored)
                {
                    result.Add(stored.Interview);
                }
            }

            return result;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("list interviews", e);
        }
    }

    public async Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            var partitionKey = TableKeys.Encode(interviewId);
            var main = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, MainRowKey, select: ["ConversationKey", "CreatedAtTicks"], cancellationToken: cancellationToken);

            // The interview's own rows only: its transcript lines in the same partition belong to the transcript store.
            var deleted = await TableBatches.DeleteAsync(table, partitionKey, DocumentFilter(partitionKey), rowKey => rowKey == MainRowKey, cancellationToken);
            if (main.HasValue && main.Value?.GetString("ConversationKey") is { } conversationKey && main.Value.GetInt64("CreatedAtTicks") is { } ticks)
            {
                var index = await account.GetTableAsync(AzureStorageAccount.ConversationsTable, cancellationToken);
                await index.DeleteEntityAsync(TableKeys.Encode(conversationKey), IndexRowKey(ticks, interviewId), ETag.All, cancellationToken);
            }

            return deleted > 0;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete an interview", e);
        }
    }

    /// <summary>
    /// Reads the main entity, its parts and its answers in one query. A main entity of the first layout (answers inside its
    /// JSON) is rewritten in the current one when <paramref name="upgrade"/> (its ETag then changes; a conflicting writer
    /// makes the read start over). With <paramref name="lines"/>, the same query also brings the transcript lines (and their
    /// parts) above its cursor, in RowKey order, into its list.
    /// </summary>
    private static async Task<StoredInterview?> ReadAsync(TableClient table, string interviewId, bool upgrade, CancellationToken cancellationToken, (long After, List<TableEntity> Into)? lines = null)
    {
        var partitionKey = TableKeys.Encode(interviewId);
        var filter = lines is var (after, _)
            ? $"({DocumentFilter(partitionKey)}) or ({TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {LineRowKey(after)} and RowKey lt {TranscriptEntities.LinePrefix + "~"}")})"
            : DocumentFilter(partitionKey);
        for (var attempt = 1; attempt <= ReadAttempts; attempt++)
        {
            var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            lines?.Into.Clear();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                if (lines is not null && entity.RowKey.StartsWith(TranscriptEntities.LinePrefix, StringComparison.Ordinal))
                {
                    lines.Value.Into.Add(entity);
                    continue;
                }

                rows[entity.RowKey] = entity;
            }

            if (!rows.TryGetValue(MainRowKey, out var main))
            {
                return null;
            }

            if (Json(rows, main) is not { } json)
            {
                continue;
            }

            var interview = InterviewSchema.Read(json);
            if (main.GetInt32(LayoutProperty) == CurrentLayout)
            {
                var count = main.GetInt32(AnswerCountProperty) ?? 0;
                var answers = new List<AnswerRecord>(count);
                for (var number = 0; number < count; number++)
                {
                    if (!rows.TryGetValue(AnswerRowKey(number), out var answer) || Json(rows, answer) is not { } answerJson)
                    {
                        answers = null;
                        break;
                    }

                    answers.Add(DialogsJson.Deserialize<AnswerRecord>(answerJson));
                }

                if (answers is not null)
                {
                    return new StoredInterview(interview with { Record = interview.Record with { Answers = answers } }, main.ETag.ToString());
                }

                continue;
            }

            if (!upgrade)
            {
                return new StoredInterview(interview, main.ETag.ToString());
            }

            try
            {
                var write = Plan(interview, TableTransactionActionType.UpdateReplace, main.ETag, answersFrom: 0, answersBefore: 0);
                return await SubmitAsync(table, interview, write, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                // Someone else wrote it meanwhile: read what they wrote.
            }
        }

        throw new StorageUnavailableException($"Interview '{interviewId}' kept changing while it was read; try again.");
    }

    /// <summary>The JSON of <paramref name="main"/> with its parts, or null when a part is missing or of another write (a torn read).</summary>
    private static string? Json(Dictionary<string, TableEntity> rows, TableEntity main)
    {
        var parts = new List<TableEntity>();
        for (var number = 1; number <= ChunkedText.PartCount(main, TableDocuments.JsonProperty); number++)
        {
            if (!rows.TryGetValue(ChunkedText.PartRowKey(main.RowKey, number), out var part))
            {
                return null;
            }

            parts.Add(part);
        }

        return ChunkedText.Read(main, TableDocuments.JsonProperty, parts, checkVersion: true);
    }

    /// <summary>
    /// The entities of one write of <paramref name="interview"/>: the main entity (<paramref name="mainAction"/>, If-Match
    /// <paramref name="ifMatch"/>) with its parts, answers <paramref name="answersFrom"/>… (and deletes of the answers past the
    /// new count, of the <paramref name="answersBefore"/> stored), and the outbox's lines when all of it fits one transaction;
    /// otherwise the lines stay in the outbox, for the caller to write.
    /// </summary>
    private static Write Plan(Interview interview, TableTransactionActionType mainAction, ETag ifMatch, int answersFrom, int answersBefore)
    {
        var partitionKey = TableKeys.Encode(interview.Id);
        var answers = interview.Record.Answers;
        var outbox = StoredDocuments.ValidateTurns(interview.Id, interview.Record.TranscriptOutbox);
        var actions = Document(interview, mainAction, ifMatch, keepOutbox: false);
        for (var number = answersFrom; number < answers.Count; number++)
        {
            var entity = new TableEntity(partitionKey, AnswerRowKey(number));
            var parts = TableDocuments.Write(entity, StoredDocuments.Serialize(answers[number], $"answer {number.ToString(CultureInfo.InvariantCulture)} of interview '{interview.Id}'"), $"answer {number.ToString(CultureInfo.InvariantCulture)} of interview '{interview.Id}'");
            actions.AddRange(parts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }

        for (var number = answers.Count; number < answersBefore; number++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, AnswerRowKey(number)), ETag.All));
        }

        var documentActions = actions.Count;
        TranscriptEntities.AddUpserts(actions, partitionKey, TranscriptEntities.LinePrefix, outbox);
        if (outbox.Count == 0 || TableBatches.FitOneTransaction(actions))
        {
            return new Write(actions, OutboxWritten: true);
        }

        // Too much for one transaction (a huge answer): the lines travel in the outbox instead, written after the commit.
        var withOutbox = Document(interview, mainAction, ifMatch, keepOutbox: true);
        withOutbox.AddRange(actions.Skip(1).Take(documentActions - 1).Where(a => !a.Entity.RowKey.StartsWith(MainRowKey, StringComparison.Ordinal)));
        return new Write(withOutbox, OutboxWritten: false);
    }

    /// <summary>The main entity's action and its parts' upserts.</summary>
    private static List<TableTransactionAction> Document(Interview interview, TableTransactionActionType mainAction, ETag ifMatch, bool keepOutbox)
    {
        var json = StoredDocuments.SerializeState(interview, keepOutbox);

        // The plain properties serve queries and operators (Azure Storage Explorer); the JSON is the record.
        var main = new TableEntity(TableKeys.Encode(interview.Id), MainRowKey)
        {
            ["Id"] = interview.Id,
            ["ProfileId"] = interview.ProfileId,
            ["CandidateId"] = interview.Candidate.Id,
            ["ConversationKey"] = interview.ConversationKey,
            ["Status"] = interview.Status.ToString(),
            ["CreatedAt"] = interview.CreatedAt,
            ["CreatedAtTicks"] = interview.CreatedAt.UtcTicks,
            [LayoutProperty] = CurrentLayout,
            [AnswerCountProperty] = interview.Record.Answers.Count,
            [WriteIdProperty] = Guid.NewGuid().ToString("N"),
        };
        var parts = TableDocuments.Write(main, json, $"interview '{interview.Id}'");
        return [new TableTransactionAction(mainAction, main, ifMatch), .. parts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p))];
    }

    /// <summary>
    /// The interview as stored by <paramref name="write"/> when the stored main entity is that very write, else null. A write
    /// whose response was lost (a timeout, a 500 from a front end) may have succeeded; the client's retry of it then fails
    /// with 412 or 409 against its own write, which is no conflict: the turn is saved and its replies must go out.
    /// </summary>
    private static async Task<StoredInterview?> WrittenAsync(TableClient table, Interview interview, Write write, CancellationToken cancellationToken)
    {
        var writeId = ((TableEntity)write.Actions[0].Entity).GetString(WriteIdProperty);
        try
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(interview.Id), MainRowKey, select: [WriteIdProperty], cancellationToken: cancellationToken);
            return stored.HasValue && stored.Value is { } main && main.GetString(WriteIdProperty) == writeId
                ? new StoredInterview(AsStored(interview, write), main.ETag.ToString())
                : null;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("check whether an interview write went through", e);
        }
    }

    /// <summary>The interview as <paramref name="write"/> stores it: without the outbox lines the same transaction wrote.</summary>
    private static Interview AsStored(Interview interview, Write write) =>
        write.OutboxWritten && interview.Record.TranscriptOutbox.Count > 0
            ? interview with { Record = interview.Record with { TranscriptOutbox = [] } }
            : interview;

    /// <summary>Submits a write, in one request (a single operation when it is one entity); returns the interview as stored.</summary>
    private static async Task<StoredInterview> SubmitAsync(TableClient table, Interview interview, Write write, CancellationToken cancellationToken)
    {
        var stored = AsStored(interview, write);
        if (!TableBatches.FitOneTransaction(write.Actions))
        {
            throw new ArgumentException(
                $"Interview '{interview.Id}' needs more than one atomic transaction in Table Storage ({write.Actions.Count.ToString(CultureInfo.InvariantCulture)} entities). Bound the text it contains.");
        }

        Response response;
        if (write.Actions is [var only])
        {
            response = only.ActionType switch
            {
                TableTransactionActionType.Add => await table.AddEntityAsync(only.Entity, cancellationToken),
                _ => await table.UpdateEntityAsync(only.Entity, only.ETag, TableUpdateMode.Replace, cancellationToken),
            };
        }
        else
        {
            response = (await table.SubmitTransactionAsync(write.Actions, cancellationToken)).Value[0];
        }

        return new StoredInterview(stored, response.Headers.ETag?.ToString() ?? throw new StorageUnavailableException("Table Storage answered a write without an ETag."));
    }

    /// <summary>The rows of an interview's own document: its answers (with parts), then its main entity (with parts).</summary>
    private static string DocumentFilter(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {AnswerPrefix} and RowKey lt {MainRowKey + "."}");

    // The RowKey every line above sequence `after` sorts after (all lines for -1); a line's parts sort after it.
    private static string LineRowKey(long after) =>
        after < 0 ? TranscriptEntities.LinePrefix : TranscriptEntities.LinePrefix + after.ToString("D19", CultureInfo.InvariantCulture) + "~";

    private static string AnswerRowKey(int number) => AnswerPrefix + number.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity IndexEntry(Interview interview) =>
        new(TableKeys.Encode(interview.ConversationKey), IndexRowKey(interview.CreatedAt.UtcTicks, interview.Id))
        {
            ["InterviewId"] = interview.Id,
            ["CreatedAtTicks"] = interview.CreatedAt.UtcTicks,
        };

    // Inverted ticks, zero-padded: ascending RowKey order is newest first.
    private static string IndexRowKey(long createdAtTicks, string interviewId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAtTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + TableKeys.Encode(interviewId);

    /// <param name="Actions">The main entity's action first, so the first response carries its new ETag.</param>
    private sealed record Write(List<TableTransactionAction> Actions, bool OutboxWritten);
}
