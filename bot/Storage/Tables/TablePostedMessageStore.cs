using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>Posted-message records in Azure Table Storage, table <c>{prefix}postedmessages</c>: a partition per candidate (encoded id), an entity per message.</summary>
internal sealed class TablePostedMessageStore(AzureStorageAccount account) : IPostedMessageStore
{
    public async Task SaveAsync(PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = new TableEntity(TableKeys.Encode(message.CandidateId), TableKeys.Encode(message.Key))
        {
            ["InterviewId"] = message.InterviewId,
            ["Json"] = StoredDocuments.Serialize(message, $"posted message of interview '{message.InterviewId}'"),
        };
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.PostedMessagesTable, cancellationToken);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("record a posted message", e);
        }
    }

    public async Task<IReadOnlyList<PostedMessage>> ListAsync(string candidateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.PostedMessagesTable, cancellationToken);
            var found = new List<PostedMessage>();
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(candidateId)}"), select: ["Json"], cancellationToken: cancellationToken))
            {
                found.Add(DialogsJson.Deserialize<PostedMessage>(entity.GetString("Json") ?? string.Empty));
            }

            return PostedMessages.InOrder(found);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("list posted messages", e);
        }
    }

    public async Task<bool> DeleteAsync(PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.PostedMessagesTable, cancellationToken);
            var response = await table.DeleteEntityAsync(TableKeys.Encode(message.CandidateId), TableKeys.Encode(message.Key), ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete a posted message record", e);
        }
    }
}
