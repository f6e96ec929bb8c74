using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The webhook dead-letter contract on Azure Table Storage (Azurite), each store with its own client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableWebhookDeadLetterStoreTests(AzuriteFixture azurite) : WebhookDeadLetterStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    private protected override IWebhookDeadLetterStore CreateStore() => new TableWebhookDeadLetterStore(_account.Open());

    public override Task DisposeAsync() => _account.DeleteAsync();
}
