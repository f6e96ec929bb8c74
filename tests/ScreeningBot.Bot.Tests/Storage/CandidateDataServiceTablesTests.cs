using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Retention and erasure over the Azure Table stores (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CandidateDataServiceTablesTests(AzuriteFixture azurite) : CandidateDataServiceContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<(IInterviewStore Interviews, ITranscriptStore Transcripts, IReportStore Reports)> CreateStoresAsync() =>
        Task.FromResult<(IInterviewStore, ITranscriptStore, IReportStore)>(
            (new TableInterviewStore(_account.Account), new TableTranscriptStore(_account.Account), new TableReportStore(_account.Account)));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
