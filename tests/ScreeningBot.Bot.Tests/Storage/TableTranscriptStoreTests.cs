using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The transcript store contract on Azure Table Storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableTranscriptStoreTests(AzuriteFixture azurite) : TranscriptStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<ITranscriptStore> CreateStoreAsync() => Task.FromResult<ITranscriptStore>(new TableTranscriptStore(_account.Open()));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
