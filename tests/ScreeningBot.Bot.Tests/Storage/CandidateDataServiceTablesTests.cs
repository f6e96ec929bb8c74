using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Retention and erasure over the Azure Table stores (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CandidateDataServiceTablesTests(AzuriteFixture azurite) : CandidateDataServiceContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<CandidateStores> CreateStoresAsync() =>
        Task.FromResult(new CandidateStores(
            new TableInterviewStore(_account.Account),
            new TableTranscriptStore(_account.Account),
            new TableReportStore(_account.Account),
            new TableSelfIdentificationStore(_account.Account),
            new TablePostedMessageStore(_account.Account)));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
