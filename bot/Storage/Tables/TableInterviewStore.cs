using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Interviews in Azure Table Storage. Table <c>{prefix}interviews</c>: one partition per interview (encoded id),
/// main entity RowKey <c>interview</c> holding the DialogsJson (split across parts when large), updated with
/// If-Match on its ETag (412 → <see cref="ConcurrencyConflictException"/>). Table <c>{prefix}conversations</c>
/// indexes interviews by conversation key: PartitionKey = encoded key, RowKey = inverted creation ticks + id, so
/// the newest comes first. The index is written before the interview and checked against it on read, so a
/// stale entry (a failed create, a changed key) is never returned.
/// </summary>
/// <remarks>
/// An update is refreshed in the index beside it (in parallel, so no extra latency); the update is the commit point, so
/// a failed refresh after a successful update is logged, not reported: reporting it would tell the candidate to send
/// again an answer that was already taken. The key of a candidate's conversation is set once when the interview is
/// created (<c>InterviewService</c>), so a refresh rewrites the entry the create wrote, and the next update refreshes it again.
/// </remarks>
internal sealed class TableInterviewStore(AzureStorageAccount account, ILogger? logger = null) : IInterviewStore
{
    private const string MainRowKey = "interview";

    // A fresh id on every write of the main entity: after a 412 or 409 it tells whether the stored entity is this very write.
    private const string WriteIdProperty = "WriteId";

    public async Task<string> CreateAsync(Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var (main, parts, writeId) = ToEntities(interview);
        TableClient? table = null;
        try
        {
            var index = await account.GetTableAsync(AzureStorageAccount.ConversationsTable, cancellationToken);
            await index.UpsertEntityAsync(IndexEntry(interview), TableUpdateMode.Replace, cancellationToken);
            table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            return await TableDocuments.SubmitAsync(table, TableTransactionActionType.Add, main, parts, default, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await WrittenAsync(table!, interview.Id, writeId, cancellationToken)
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
            return await ReadAsync(table, interviewId, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read an interview", e);
        }
    }

    public async Task<string> UpdateAsync(Interview interview, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(etag);
        var (main, parts, writeId) = ToEntities(interview);
        TableClient? table = null;
        try
        {
            table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            var index = await account.GetTableAsync(AzureStorageAccount.ConversationsTable, cancellationToken);

            // The index entry is refreshed beside the update (see remarks): if the candidate's conversation changed, the
            // new key finds the interview; the old entry fails the check on read.
            var indexWrite = index.UpsertEntityAsync(IndexEntry(interview), TableUpdateMode.Replace, cancellationToken);
            var update = TableDocuments.SubmitAsync(table, TableTransactionActionType.UpdateReplace, main, parts, new ETag(etag), cancellationToken);
            try
            {
                await Task.WhenAll(update, indexWrite);
            }
            catch (Exception e) when (update.IsCompletedSuccessfully && AzureErrors.IsStorageFailure(e, cancellationToken))
            {
                StorageLog.IndexRefreshFailed(logger ?? NullLogger.Instance, interview.Id, e);
            }

            return await update;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return await WrittenAsync(table!, interview.Id, writeId, cancellationToken)
                ?? throw new ConcurrencyConflictException($"Interview '{interview.Id}' was changed or deleted since it was read; reload it and retry the turn.", e);
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

                var stored = await ReadAsync(table, interviewId, cancellationToken);
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
                if (await ReadAsync(table, id, cancellationToken) is { } stored)
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
            var deleted = await TableBatches.DeletePartitionAsync(table, partitionKey, rowKey => rowKey == MainRowKey, cancellationToken);
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
    /// The ETag of the stored interview when it is the write <paramref name="writeId"/>, else null. A write whose response
    /// was lost (a timeout, a 500 from a front end) may have succeeded; the client's retry of it then fails with 412 or
    /// 409 against its own write, which is no conflict: the turn is saved and its replies must go out.
    /// </summary>
    private static async Task<string?> WrittenAsync(TableClient table, string interviewId, string writeId, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(interviewId), MainRowKey, select: [WriteIdProperty], cancellationToken: cancellationToken);
            return stored.HasValue && stored.Value?.GetString(WriteIdProperty) == writeId ? stored.Value.ETag.ToString() : null;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("check whether an interview write went through", e);
        }
    }

    private static async Task<StoredInterview?> ReadAsync(TableClient table, string interviewId, CancellationToken cancellationToken) =>
        await TableDocuments.ReadAsync(table, TableKeys.Encode(interviewId), MainRowKey, cancellationToken) is { } document
            ? new StoredInterview(DialogsJson.Deserialize<Interview>(document.Json), document.Main.ETag.ToString())
            : null;

    private static (TableEntity Main, List<TableEntity> Parts, string WriteId) ToEntities(Interview interview)
    {
        var json = StoredDocuments.Serialize(interview, $"interview '{interview.Id}'");

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
            [WriteIdProperty] = Guid.NewGuid().ToString("N"),
        };
        var parts = TableDocuments.Write(main, json, $"interview '{interview.Id}'");
        return (main, parts, main.GetString(WriteIdProperty));
    }

    private static TableEntity IndexEntry(Interview interview) =>
        new(TableKeys.Encode(interview.ConversationKey), IndexRowKey(interview.CreatedAt.UtcTicks, interview.Id))
        {
            ["InterviewId"] = interview.Id,
            ["CreatedAtTicks"] = interview.CreatedAt.UtcTicks,
        };

    // Inverted ticks, zero-padded: ascending RowKey order is newest first.
    private static string IndexRowKey(long createdAtTicks, string interviewId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAtTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + TableKeys.Encode(interviewId);
}
