using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The decision store contract on Azure Table Storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDecisionStoreTests(AzuriteFixture azurite) : DecisionStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IDecisionStore> CreateStoreAsync() => Task.FromResult<IDecisionStore>(new TableDecisionStore(_account.Open()));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
