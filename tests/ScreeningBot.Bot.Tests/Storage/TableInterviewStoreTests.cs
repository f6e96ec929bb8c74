using System.Net;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// The interview store contract on Azure Table Storage (Azurite), each store a separate client; and writes whose
/// response is lost on the way back (through <see cref="StorageFaultProxy"/>), which the client retries against its own
/// committed write.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableInterviewStoreTests(AzuriteFixture azurite) : InterviewStoreContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IInterviewStore> CreateStoreAsync() => Task.FromResult<IInterviewStore>(new TableInterviewStore(_account.Open()));

    protected override Task<ITranscriptStore> CreateTranscriptStoreAsync() => Task.FromResult<ITranscriptStore>(new TableTranscriptStore(_account.Open()));

    public override Task DisposeAsync() => _account.DeleteAsync();

    [Fact]
    public async Task Update_CommittedButTheResponseLost_ReturnsTheNewETagInsteadOfAConflict()
    {
        await using var proxy = await StorageFaultProxy.StartAsync(azurite.ConnectionString);
        var sut = new TableInterviewStore(AzureStorageAccount.FromConnectionString(proxy.ConnectionString, _account.TablePrefix));
        var created = await sut.CreateAsync(Interview("iv-lost-update"), CancellationToken.None);
        proxy.Inject(
            StorageFaultKind.LoseResponse,
            r => (r.Method == "PUT" && r.Path.Contains("interviews(", StringComparison.Ordinal)) || r.Path.EndsWith("/$batch", StringComparison.Ordinal),
            HttpStatusCode.InternalServerError,
            times: 1);

        var next = await sut.UpdateAsync(created, created.Interview with { ProfileId = "changed" }, CancellationToken.None);

        var stored = await sut.GetAsync("iv-lost-update", CancellationToken.None);
        Assert.Equal(stored!.ETag, next.ETag);
        Assert.Equal("changed", stored.Interview.ProfileId);
        Assert.Single(proxy.Requests, r => r.Fault == StorageFaultKind.LoseResponse && r.ServiceStatus is >= 200 and < 300);
    }

    [Fact]
    public async Task Create_CommittedButTheResponseLost_ReturnsItsETagInsteadOfAConflict()
    {
        await using var proxy = await StorageFaultProxy.StartAsync(azurite.ConnectionString);
        var sut = new TableInterviewStore(AzureStorageAccount.FromConnectionString(proxy.ConnectionString, _account.TablePrefix));
        proxy.Inject(
            StorageFaultKind.LoseResponse,
            r => r.Method == "POST" && (r.Path.EndsWith("interviews", StringComparison.Ordinal) || r.Path.EndsWith("/$batch", StringComparison.Ordinal)),
            HttpStatusCode.InternalServerError,
            times: 1);

        var created = await sut.CreateAsync(Interview("iv-lost-create"), CancellationToken.None);

        Assert.Equal((await sut.GetAsync("iv-lost-create", CancellationToken.None))!.ETag, created.ETag);
        Assert.Single(proxy.Requests, r => r.Fault == StorageFaultKind.LoseResponse && r.ServiceStatus is >= 200 and < 300);
    }
}
