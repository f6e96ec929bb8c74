using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The report store contract on Azure Table Storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableReportStoreTests(AzuriteFixture azurite) : ReportStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IReportStore> CreateStoreAsync() => Task.FromResult<IReportStore>(new TableReportStore(_account.Open()));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
