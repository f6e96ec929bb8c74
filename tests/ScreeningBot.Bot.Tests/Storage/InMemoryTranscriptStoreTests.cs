using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The transcript store contract on the in-memory store.</summary>
public sealed class InMemoryTranscriptStoreTests : TranscriptStoreContract
{
    private readonly InMemoryTranscriptStore _store = new();

    protected override Task<ITranscriptStore> CreateStoreAsync() => Task.FromResult<ITranscriptStore>(_store);
}
