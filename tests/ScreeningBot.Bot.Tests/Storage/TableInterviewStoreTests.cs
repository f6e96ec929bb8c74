using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The interview store contract on Azure Table Storage (Azurite), each store a separate client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableInterviewStoreTests(AzuriteFixture azurite) : InterviewStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IInterviewStore> CreateStoreAsync() => Task.FromResult<IInterviewStore>(new TableInterviewStore(_account.Open()));

    protected override Task<ITranscriptStore> CreateTranscriptStoreAsync() => Task.FromResult<ITranscriptStore>(new TableTranscriptStore(_account.Open()));

    public override Task DisposeAsync() => _account.DeleteAsync();
}
