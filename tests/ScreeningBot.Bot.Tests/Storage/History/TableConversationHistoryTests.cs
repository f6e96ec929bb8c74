using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage.History;

/// <summary>Conversation history on Azure Tables (Azurite) behind a loopback proxy that records every HTTP request.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableConversationHistoryTests(AzuriteFixture azurite) : ConversationHistoryContract
{
    private readonly AzuriteTestAccount _account = new(azurite);
    private StorageFaultProxy? _proxy;

    protected override int Requests => _proxy!.Requests.Count;

    public override async Task InitializeAsync() => _proxy = await StorageFaultProxy.StartAsync(azurite.ConnectionString);

    protected override Task<(IInterviewStore Interviews, ITranscriptStore Transcripts)> CreateStoresAsync()
    {
        var account = AzureStorageAccount.FromConnectionString(_proxy!.ConnectionString, _account.TablePrefix);
        return Task.FromResult<(IInterviewStore, ITranscriptStore)>((new TableInterviewStore(account), new TableTranscriptStore(account)));
    }

    protected override void AssertOnePlace(int from) =>
        Assert.All(_proxy!.Requests.Skip(from), r => Assert.StartsWith($"/devstoreaccount1/{_account.TablePrefix}{AzureStorageAccount.InterviewsTable}(", r.Path, StringComparison.Ordinal));

    public override async Task DisposeAsync()
    {
        await _proxy!.DisposeAsync();
        await _account.DeleteAsync();
    }
}
