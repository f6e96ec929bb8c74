using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The report store contract on the in-memory store.</summary>
public sealed class InMemoryReportStoreTests : ReportStoreContract
{
    private readonly InMemoryReportStore _store = new();

    protected override Task<IReportStore> CreateStoreAsync() => Task.FromResult<IReportStore>(_store);
}
