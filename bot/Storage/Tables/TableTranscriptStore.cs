using Azure.Data.Tables;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Transcripts in Azure Table Storage (<see cref="TranscriptEntities"/>), in their interview's partition of
/// <c>{prefix}interviews</c> (RowKey <c>line{sequence}</c>), so a turn's lines are written in the same entity-group
/// transaction as the interview (<see cref="TableInterviewStore"/>). Transcripts written before that (issue 19) stay in
/// table <c>{prefix}transcripts</c> (RowKey = the bare sequence) and are read from there too. Appends are upserts batched
/// per partition (at most 100 entities and 3 MiB per transaction), so re-appending a sequence replaces it.
/// </summary>
internal sealed class TableTranscriptStore(AzureStorageAccount account) : ITranscriptStore
{
    public async Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        ArgumentNullException.ThrowIfNull(turns);
        var validated = StoredDocuments.ValidateTurns(interviewId, turns);
        if (validated.Count == 0)
        {
            return;
        }

        var actions = new List<TableTransactionAction>();
        TranscriptEntities.AddUpserts(actions, TableKeys.Encode(interviewId), TranscriptEntities.LinePrefix, validated);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            await TableBatches.SubmitAsync(table, actions, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("append transcript turns", e);
        }
    }

    public async Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        var partitionKey = TableKeys.Encode(interviewId);
        List<TableEntity> lines, legacy;
        try
        {
            var interviews = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            var transcripts = await account.GetTableAsync(AzureStorageAccount.TranscriptsTable, cancellationToken);
            var both = await Task.WhenAll(
                QueryAsync(interviews, LinesFilter(partitionKey), cancellationToken),
                QueryAsync(transcripts, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken));
            (lines, legacy) = (both[0], both[1]);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read a transcript", e);
        }

        // A sequence in both places (written before and after the move) is the same line; the newer place wins.
        var bySequence = new SortedDictionary<long, TranscriptTurn>();
        foreach (var turn in TranscriptEntities.Read(legacy, string.Empty, interviewId).Concat(TranscriptEntities.Read(lines, TranscriptEntities.LinePrefix, interviewId)))
        {
            bySequence[turn.Sequence] = turn;
        }

        return [.. bySequence.Values];
    }

    public async Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        var partitionKey = TableKeys.Encode(interviewId);
        try
        {
            var interviews = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            var transcripts = await account.GetTableAsync(AzureStorageAccount.TranscriptsTable, cancellationToken);
            var moved = await TableBatches.DeleteAsync(interviews, partitionKey, LinesFilter(partitionKey), rowKey => TranscriptEntities.IsTurn(rowKey, TranscriptEntities.LinePrefix), cancellationToken);
            var legacy = await TableBatches.DeleteAsync(transcripts, partitionKey, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), rowKey => TranscriptEntities.IsTurn(rowKey, string.Empty), cancellationToken);
            return moved + legacy;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete a transcript", e);
        }
    }

    /// <summary>The turns (and their parts) in an interview's partition of the interviews table: RowKeys <c>line…</c>.</summary>
    private static string LinesFilter(string partitionKey) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {TranscriptEntities.LinePrefix} and RowKey lt {TranscriptEntities.LinePrefix + "~"}");

    private static async Task<List<TableEntity>> QueryAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var entities = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            entities.Add(entity);
        }

        return entities;
    }
}
