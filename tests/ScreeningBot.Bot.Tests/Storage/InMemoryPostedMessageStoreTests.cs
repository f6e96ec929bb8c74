using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The posted-message store contract in memory.</summary>
public sealed class InMemoryPostedMessageStoreTests : PostedMessageStoreContract
{
    private readonly InMemoryPostedMessageStore _store = new();

    protected override Task<IPostedMessageStore> CreateStoreAsync() => Task.FromResult<IPostedMessageStore>(_store);
}
