using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The self-identification store contract on Azure Table Storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableSelfIdentificationStoreTests(AzuriteFixture azurite) : SelfIdentificationStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<ISelfIdentificationStore> CreateStoreAsync() => Task.FromResult<ISelfIdentificationStore>(new TableSelfIdentificationStore(_account.Open()));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
