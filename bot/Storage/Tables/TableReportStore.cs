using Azure.Data.Tables;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Reports in Azure Table Storage, table <c>{prefix}reports</c>: one partition per interview (encoded id), main
/// entity RowKey <c>report</c> holding the StoredReport's DialogsJson, split across part entities when a large
/// scorecard exceeds one entity; main and parts are written in one transaction.
/// </summary>
internal sealed class TableReportStore(AzureStorageAccount account) : IReportStore
{
    private const string MainRowKey = "report";

    public async Task SaveAsync(StoredReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = StoredDocuments.Serialize(report, $"report of interview '{report.InterviewId}'");
        var main = new TableEntity(TableKeys.Encode(report.InterviewId), MainRowKey)
        {
            ["InterviewId"] = report.InterviewId,
            ["CreatedAt"] = report.CreatedAt,
            ["Posted"] = report.PostedAt is not null,
        };
        var parts = TableDocuments.Write(main, json, $"report of interview '{report.InterviewId}'");
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.ReportsTable, cancellationToken);
            await TableDocuments.SubmitAsync(table, TableTransactionActionType.UpsertReplace, main, parts, default, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("save a report", e);
        }
    }

    public async Task<StoredReport?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.ReportsTable, cancellationToken);
            var document = await TableDocuments.ReadAsync(table, TableKeys.Encode(interviewId), MainRowKey, cancellationToken);
            return document is null ? null : DialogsJson.Deserialize<StoredReport>(document.Value.Json);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read a report", e);
        }
    }

    public async Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.ReportsTable, cancellationToken);
            return await TableBatches.DeletePartitionAsync(table, TableKeys.Encode(interviewId), rowKey => rowKey == MainRowKey, cancellationToken) > 0;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete a report", e);
        }
    }
}
