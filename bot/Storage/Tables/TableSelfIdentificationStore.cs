using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Self-identification in Azure Table Storage, table <c>{prefix}selfidentification</c> (apart from the interviews): one
/// entity per interview, with the profile and the interview's creation time as properties for the report's filter.
/// </summary>
internal sealed class TableSelfIdentificationStore(AzureStorageAccount account) : ISelfIdentificationStore
{
    private const string RowKey = "self";

    public async Task SaveAsync(SelfIdentification record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(TableKeys.Encode(record.InterviewId), RowKey)
        {
            ["ProfileId"] = record.ProfileId,
            ["InterviewCreatedAtTicks"] = record.InterviewCreatedAt.UtcTicks,
            ["Json"] = StoredDocuments.Serialize(record, $"self-identification of interview '{record.InterviewId}'"),
        };
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.SelfIdentificationTable, cancellationToken);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("save a self-identification", e);
        }
    }

    public async Task<SelfIdentification?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.SelfIdentificationTable, cancellationToken);
            var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(interviewId), RowKey, cancellationToken: cancellationToken);
            return found.HasValue && found.Value?.GetString("Json") is { } json ? DialogsJson.Deserialize<SelfIdentification>(json) : null;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read a self-identification", e);
        }
    }

    public async Task<IReadOnlyList<SelfIdentification>> ListAsync(SelfIdentificationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.ProfileId is null
            ? TableClient.CreateQueryFilter($"InterviewCreatedAtTicks ge {query.From.UtcTicks} and InterviewCreatedAtTicks lt {query.To.UtcTicks}")
            : TableClient.CreateQueryFilter($"InterviewCreatedAtTicks ge {query.From.UtcTicks} and InterviewCreatedAtTicks lt {query.To.UtcTicks} and ProfileId eq {query.ProfileId}");
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.SelfIdentificationTable, cancellationToken);
            var found = new List<SelfIdentification>();
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: cancellationToken))
            {
                found.Add(DialogsJson.Deserialize<SelfIdentification>(entity.GetString("Json") ?? string.Empty));
            }

            return found;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("list self-identifications", e);
        }
    }

    public async Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.SelfIdentificationTable, cancellationToken);
            var response = await table.DeleteEntityAsync(TableKeys.Encode(interviewId), RowKey, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete a self-identification", e);
        }
    }
}
