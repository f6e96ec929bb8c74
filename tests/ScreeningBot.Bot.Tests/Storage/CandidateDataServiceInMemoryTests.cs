using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Retention and erasure over the in-memory stores.</summary>
public sealed class CandidateDataServiceInMemoryTests : CandidateDataServiceContract
{
    protected override Task<CandidateStores> CreateStoresAsync() =>
        Task.FromResult(new CandidateStores(
            new InMemoryInterviewStore(), new InMemoryTranscriptStore(), new InMemoryReportStore(), new InMemorySelfIdentificationStore(), new InMemoryPostedMessageStore()));
}
