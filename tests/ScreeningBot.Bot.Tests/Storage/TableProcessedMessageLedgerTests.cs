using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The processed-message ledger contract on Azure Table Storage (Azurite); expiry uses the fake clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableProcessedMessageLedgerTests(AzuriteFixture azurite) : ProcessedMessageLedgerContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IProcessedMessageLedger> CreateLedgerAsync() => Task.FromResult<IProcessedMessageLedger>(new TableProcessedMessageLedger(_account.Open(), Time));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
