using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="IReportStore"/> contract, run against every backend by the subclasses.</summary>
public abstract class ReportStoreContract : IAsyncLifetime
{
    protected abstract Task<IReportStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_ThenGet_RoundTripsTheReport()
    {
        var sut = await CreateStoreAsync();
        var report = Report("iv-report");

        await sut.SaveAsync(report, CancellationToken.None);

        Assert.Equal(StorageTestData.Json(report), StorageTestData.Json(await sut.GetAsync("iv-report", CancellationToken.None)));
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        var sut = await CreateStoreAsync();

        Assert.Null(await sut.GetAsync("iv-none", CancellationToken.None));
    }

    [Fact]
    public async Task Save_Again_ReplacesWithPostedState()
    {
        var sut = await CreateStoreAsync();
        await sut.SaveAsync(Report("iv-posted", quoteCount: 9, quoteLength: 60_000), CancellationToken.None);
        var posted = Report("iv-posted", postedAt: Start.AddMinutes(44));

        await sut.SaveAsync(posted, CancellationToken.None);
        var read = await sut.GetAsync("iv-posted", CancellationToken.None);

        Assert.Equal(StorageTestData.Json(posted), StorageTestData.Json(read));
        Assert.Equal("1712345678.000100", read!.PostedMessageId);
    }

    [Fact]
    public async Task Save_ScorecardLargerThanOneEntity_RoundTrips()
    {
        var sut = await CreateStoreAsync();
        var report = Report("iv-big", quoteCount: 12, quoteLength: 70_000);

        await sut.SaveAsync(report, CancellationToken.None);

        Assert.Equal(StorageTestData.Json(report), StorageTestData.Json(await sut.GetAsync("iv-big", CancellationToken.None)));
    }

    [Theory]
    [InlineData(Hostile)]
    [InlineData("iv-Case")]
    [InlineData("iv-case")]
    public async Task Save_HostileIds_KeepReportsApart(string id)
    {
        var sut = await CreateStoreAsync();
        await sut.SaveAsync(Report(id), CancellationToken.None);
        await sut.SaveAsync(Report(id + "-other", quoteCount: 1), CancellationToken.None);

        Assert.Equal(StorageTestData.Json(Report(id)), StorageTestData.Json(await sut.GetAsync(id, CancellationToken.None)));
        Assert.True(await sut.DeleteAsync(id, CancellationToken.None));
        Assert.NotNull(await sut.GetAsync(id + "-other", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_ExistingThenAgain_ReturnsTrueThenFalse()
    {
        var sut = await CreateStoreAsync();
        await sut.SaveAsync(Report("iv-del", quoteCount: 12, quoteLength: 70_000), CancellationToken.None);

        Assert.True(await sut.DeleteAsync("iv-del", CancellationToken.None));
        Assert.False(await sut.DeleteAsync("iv-del", CancellationToken.None));
        Assert.Null(await sut.GetAsync("iv-del", CancellationToken.None));
    }
}
