using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Decision histories in Azure Table Storage, table <c>{prefix}decisions</c>: one partition per interview (encoded id), one
/// entity per entry (RowKey the encoded entry id) holding its DialogsJson. An entry is added, never replaced: a repeat of
/// the same id (409) changes nothing.
/// </summary>
internal sealed class TableDecisionStore(AzureStorageAccount account) : IDecisionStore
{
    public async Task AppendAsync(DecisionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = StoredDocuments.Serialize(entry, $"decision entry of interview '{entry.InterviewId}'");
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.DecisionsTable, cancellationToken);
            await table.AddEntityAsync(new TableEntity(TableKeys.Encode(entry.InterviewId), TableKeys.Encode(entry.Id)) { ["At"] = entry.At, ["Json"] = json }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already stored: appending is idempotent.
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("append a decision", e);
        }
    }

    public async Task<DecisionHistory> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.DecisionsTable, cancellationToken);
            var entries = new List<DecisionEntry>();
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(interviewId)}"), select: ["Json"], cancellationToken: cancellationToken))
            {
                entries.Add(DialogsJson.Deserialize<DecisionEntry>(entity.GetString("Json")));
            }

            return new DecisionHistory(entries);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read decisions", e);
        }
    }

    public async Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.DecisionsTable, cancellationToken);
            return await TableBatches.DeletePartitionAsync(table, TableKeys.Encode(interviewId), _ => true, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete decisions", e);
        }
    }
}
