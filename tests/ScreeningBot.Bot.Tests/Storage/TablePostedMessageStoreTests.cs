using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The posted-message store contract on Azure Table Storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablePostedMessageStoreTests(AzuriteFixture azurite) : PostedMessageStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IPostedMessageStore> CreateStoreAsync() => Task.FromResult<IPostedMessageStore>(new TablePostedMessageStore(_account.Open()));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
