using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The interview store contract on the in-memory store (the reference semantics).</summary>
public sealed class InMemoryInterviewStoreTests : InterviewStoreContract
{
    private readonly InMemoryInterviewStore _store = new();

    protected override bool WritesTranscriptWithInterview => false;

    protected override Task<IInterviewStore> CreateStoreAsync() => Task.FromResult<IInterviewStore>(_store);

    protected override Task<ITranscriptStore> CreateTranscriptStoreAsync() => Task.FromResult<ITranscriptStore>(new InMemoryTranscriptStore());
}
