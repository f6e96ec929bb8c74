using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The self-identification store contract in memory.</summary>
public sealed class InMemorySelfIdentificationStoreTests : SelfIdentificationStoreContract
{
    private readonly InMemorySelfIdentificationStore _store = new();

    protected override Task<ISelfIdentificationStore> CreateStoreAsync() => Task.FromResult<ISelfIdentificationStore>(_store);
}
