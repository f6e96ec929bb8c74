using Azure;
using Azure.Data.Tables;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The audit log contract on Azure Table Storage (Azurite); a second log is a second client, as a second instance has.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests(AzuriteFixture azurite) : AuditLogContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IAuditLog> CreateLogAsync() => Task.FromResult<IAuditLog>(new TableAuditLog(_account.Open()));

    protected override async Task TamperAsync(long sequence, Func<string, string> edit)
    {
        var table = await _account.Account.GetTableAsync(AzureStorageAccount.AuditTable, CancellationToken.None);
        var entity = (await table.GetEntityAsync<TableEntity>("audit", TableAuditLog.RowKey(sequence))).Value;
        entity["Json"] = edit(entity.GetString("Json"));
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace);
    }

    protected override async Task RemoveAsync(long sequence)
    {
        var table = await _account.Account.GetTableAsync(AzureStorageAccount.AuditTable, CancellationToken.None);
        await table.DeleteEntityAsync("audit", TableAuditLog.RowKey(sequence), ETag.All);
    }

    public override Task DisposeAsync() => _account.DeleteAsync();
}
