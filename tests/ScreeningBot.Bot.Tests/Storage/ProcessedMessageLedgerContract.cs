using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="IProcessedMessageLedger"/> contract, run against every backend by the subclasses.</summary>
public abstract class ProcessedMessageLedgerContract : IAsyncLifetime
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    protected FakeTimeProvider Time { get; } = new(StorageTestData.Start);

    /// <summary>A ledger reading time from <see cref="Time"/>; every call within a test shares the same data.</summary>
    protected abstract Task<IProcessedMessageLedger> CreateLedgerAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TryRecord_SameKeyTwice_TrueThenFalse()
    {
        var sut = await CreateLedgerAsync();

        Assert.True(await sut.TryRecordAsync("slack:Ev123", Ttl, CancellationToken.None));
        Assert.False(await sut.TryRecordAsync("slack:Ev123", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryRecord_DistinctHostileKeys_AreIndependent()
    {
        var sut = await CreateLedgerAsync();
        string[] keys = [StorageTestData.Hostile, "activity/1", "activity/1?", "Activity/1", ""];

        foreach (var key in keys)
        {
            Assert.True(await sut.TryRecordAsync(key, Ttl, CancellationToken.None));
        }

        foreach (var key in keys)
        {
            Assert.False(await sut.TryRecordAsync(key, Ttl, CancellationToken.None));
        }
    }

    [Fact]
    public async Task TryRecord_BeforeTimeToLivePasses_StillDuplicate()
    {
        var sut = await CreateLedgerAsync();
        await sut.TryRecordAsync("m-1", Ttl, CancellationToken.None);

        Time.Advance(Ttl - TimeSpan.FromSeconds(1));

        Assert.False(await sut.TryRecordAsync("m-1", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryRecord_AfterTimeToLivePasses_RecordsAgainForAnotherPeriod()
    {
        var sut = await CreateLedgerAsync();
        await sut.TryRecordAsync("m-2", Ttl, CancellationToken.None);

        Time.Advance(Ttl + TimeSpan.FromSeconds(1));
        var again = await sut.TryRecordAsync("m-2", Ttl, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(30));
        var duplicate = await sut.TryRecordAsync("m-2", Ttl, CancellationToken.None);

        Assert.True(again);
        Assert.False(duplicate);
    }

    [Fact]
    public async Task TryRecord_ConcurrentInstances_ExactlyOneRecords()
    {
        var ledgers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateLedgerAsync()));

        var results = await Task.WhenAll(ledgers.Select(l => l.TryRecordAsync("m-race", Ttl, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task TryRecord_ConcurrentInstancesOnExpiredEntry_ExactlyOneRecords()
    {
        var first = await CreateLedgerAsync();
        await first.TryRecordAsync("m-expired-race", Ttl, CancellationToken.None);
        Time.Advance(Ttl * 2);
        var ledgers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateLedgerAsync()));

        var results = await Task.WhenAll(ledgers.Select(l => l.TryRecordAsync("m-expired-race", Ttl, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Contains_NeverRecorded_FalseAndRecordsNothing()
    {
        var sut = await CreateLedgerAsync();

        var contained = await sut.ContainsAsync("m-unseen", CancellationToken.None);

        Assert.False(contained);
        Assert.True(await sut.TryRecordAsync("m-unseen", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task Contains_Recorded_TrueFromAnotherInstanceUntilTheTimeToLivePasses()
    {
        var sut = await CreateLedgerAsync();
        var other = await CreateLedgerAsync();
        await other.TryRecordAsync(StorageTestData.Hostile, Ttl, CancellationToken.None);

        var before = await sut.ContainsAsync(StorageTestData.Hostile, CancellationToken.None);
        Time.Advance(Ttl + TimeSpan.FromSeconds(1));
        var after = await sut.ContainsAsync(StorageTestData.Hostile, CancellationToken.None);

        Assert.True(before);
        Assert.False(after);
    }
}
