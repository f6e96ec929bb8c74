using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Retention and erasure over the in-memory stores.</summary>
public sealed class CandidateDataServiceInMemoryTests : CandidateDataServiceContract
{
    protected override Task<(IInterviewStore Interviews, ITranscriptStore Transcripts, IReportStore Reports)> CreateStoresAsync() =>
        Task.FromResult<(IInterviewStore, ITranscriptStore, IReportStore)>((new InMemoryInterviewStore(), new InMemoryTranscriptStore(), new InMemoryReportStore()));
}
