using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="ISelfIdentificationStore"/> contract, run against every backend by the subclasses.</summary>
public abstract class SelfIdentificationStoreContract : IAsyncLifetime
{
    protected abstract Task<ISelfIdentificationStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_ThenGet_RoundTripsIncludingUnansweredFields()
    {
        var sut = await CreateStoreAsync();
        var record = Record("iv-1", "backend-senior", Start, SexCategory.Female, null);

        await sut.SaveAsync(record, CancellationToken.None);

        Assert.Equal(Json(record), Json(await sut.GetAsync("iv-1", CancellationToken.None)));
        Assert.Null(await sut.GetAsync("iv-none", CancellationToken.None));
    }

    [Fact]
    public async Task Save_Again_ReplacesTheRecord()
    {
        var sut = await CreateStoreAsync();
        await sut.SaveAsync(Record("iv-1", "backend-senior", Start, null, null), CancellationToken.None);
        var answered = Record("iv-1", "backend-senior", Start, SexCategory.PreferNotToSay, RaceEthnicityCategory.Asian);

        await sut.SaveAsync(answered, CancellationToken.None);

        Assert.Equal(Json(answered), Json(await sut.GetAsync("iv-1", CancellationToken.None)));
    }

    [Fact]
    public async Task List_FiltersByProfileAndByTheInterviewsCreationInAHalfOpenPeriod()
    {
        var sut = await CreateStoreAsync();
        var from = Start;
        var to = Start.AddDays(30);
        await sut.SaveAsync(Record("iv-before", "backend-senior", from.AddTicks(-1), SexCategory.Male, null), CancellationToken.None);
        await sut.SaveAsync(Record("iv-first", "backend-senior", from, SexCategory.Male, null), CancellationToken.None);
        await sut.SaveAsync(Record("iv-last", "backend-senior", to.AddTicks(-1), SexCategory.Female, null), CancellationToken.None);
        await sut.SaveAsync(Record("iv-after", "backend-senior", to, SexCategory.Female, null), CancellationToken.None);
        await sut.SaveAsync(Record("iv-other", "backend-mid", from.AddDays(1), SexCategory.Female, null), CancellationToken.None);

        var senior = await sut.ListAsync(new SelfIdentificationQuery("backend-senior", from, to), CancellationToken.None);
        var all = await sut.ListAsync(new SelfIdentificationQuery(null, from, to), CancellationToken.None);

        Assert.Equal(["iv-first", "iv-last"], senior.Select(r => r.InterviewId).Order(StringComparer.Ordinal));
        Assert.Equal(["iv-first", "iv-last", "iv-other"], all.Select(r => r.InterviewId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_ExistingThenAgain_ReturnsTrueThenFalse()
    {
        var sut = await CreateStoreAsync();
        await sut.SaveAsync(Record(Hostile, "backend-senior", Start, null, RaceEthnicityCategory.TwoOrMoreRaces), CancellationToken.None);

        Assert.True(await sut.DeleteAsync(Hostile, CancellationToken.None));
        Assert.False(await sut.DeleteAsync(Hostile, CancellationToken.None));
        Assert.Null(await sut.GetAsync(Hostile, CancellationToken.None));
    }

    internal static SelfIdentification Record(string interviewId, string profileId, DateTimeOffset createdAt, SexCategory? sex, RaceEthnicityCategory? race) => new()
    {
        InterviewId = interviewId,
        ProfileId = profileId,
        InterviewCreatedAt = createdAt,
        Sex = sex,
        RaceEthnicity = race,
        RecordedAt = createdAt.AddHours(1),
    };
}
