using System.Net;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// The processed-message ledger contract on Azure Table Storage (Azurite); expiry uses the fake clock. Also a record
/// whose response is lost on the way back (through <see cref="StorageFaultProxy"/>), which the client retries.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableProcessedMessageLedgerTests(AzuriteFixture azurite) : ProcessedMessageLedgerContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IProcessedMessageLedger> CreateLedgerAsync() => Task.FromResult<IProcessedMessageLedger>(new TableProcessedMessageLedger(_account.Open(), Time));

    public override Task DisposeAsync() => _account.DeleteAsync();

    [Fact]
    public async Task TryRecord_CommittedButTheResponseLost_StillReportsTheFirstRecord()
    {
        await using var proxy = await StorageFaultProxy.StartAsync(azurite.ConnectionString);
        var sut = new TableProcessedMessageLedger(AzureStorageAccount.FromConnectionString(proxy.ConnectionString, _account.TablePrefix), Time);
        proxy.Inject(StorageFaultKind.LoseResponse, r => r.Method == "POST" && r.Path.EndsWith("ledger", StringComparison.Ordinal), HttpStatusCode.InternalServerError, times: 1);

        var first = await sut.TryRecordAsync("slack:Ev-lost", TimeSpan.FromMinutes(10), CancellationToken.None);
        var again = await sut.TryRecordAsync("slack:Ev-lost", TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.True(first, "the first delivery was reported as a duplicate of itself");
        Assert.False(again);
        Assert.Single(proxy.Requests, r => r.Fault == StorageFaultKind.LoseResponse && r.ServiceStatus is >= 200 and < 300);
    }
}
