using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Retention and erasure (<see cref="CandidateDataService"/>) over every backend's stores.</summary>
public abstract class CandidateDataServiceContract : IAsyncLifetime
{
    protected abstract Task<CandidateStores> CreateStoresAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ForgetCandidate_DeletesEverythingAboutThemAndReportsIt()
    {
        var stores = await CreateStoresAsync();
        var (interviews, transcripts, reports) = (stores.Interviews, stores.Transcripts, stores.Reports);
        await SeedAsync(interviews, transcripts, reports, "iv-a1", "U-ada", Start, turns: 3, withReport: true);
        await SeedAsync(interviews, transcripts, reports, "iv-a2", "U-ada", Start.AddDays(1), turns: 2, withReport: false);
        await SeedAsync(interviews, transcripts, reports, "iv-b1", "U-bob", Start, turns: 4, withReport: true);
        var sut = stores.Service();

        var report = await sut.ForgetCandidateAsync("U-ada", CancellationToken.None);

        Assert.Equal(["iv-a1", "iv-a2"], report.InterviewIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, report.Interviews);
        Assert.Equal(5, report.TranscriptTurns);
        Assert.Equal(1, report.Reports);
        foreach (var id in new[] { "iv-a1", "iv-a2" })
        {
            Assert.Null(await interviews.GetAsync(id, CancellationToken.None));
            Assert.Empty(await transcripts.ReadAsync(id, CancellationToken.None));
            Assert.Null(await reports.GetAsync(id, CancellationToken.None));
        }

        Assert.Empty(await interviews.ListAsync(new InterviewQuery(CandidateId: "U-ada"), 10, CancellationToken.None));
        Assert.NotNull(await interviews.GetAsync("iv-b1", CancellationToken.None));
        Assert.Equal(4, (await transcripts.ReadAsync("iv-b1", CancellationToken.None)).Count);
        Assert.NotNull(await reports.GetAsync("iv-b1", CancellationToken.None));
    }

    [Fact]
    public async Task ForgetCandidate_Unknown_ReportsNothingDeleted()
    {
        var stores = await CreateStoresAsync();
        var (interviews, transcripts, reports) = (stores.Interviews, stores.Transcripts, stores.Reports);
        await SeedAsync(interviews, transcripts, reports, "iv-1", "U-ada", Start, turns: 1, withReport: true);
        var sut = stores.Service();

        var report = await sut.ForgetCandidateAsync("U-nobody", CancellationToken.None);

        Assert.Equal(0, report.Interviews);
        Assert.Equal(0, report.TranscriptTurns);
        Assert.Equal(0, report.Reports);
        Assert.NotNull(await interviews.GetAsync("iv-1", CancellationToken.None));
    }

    [Fact]
    public async Task ForgetCandidate_MoreInterviewsThanOnePage_DeletesAll()
    {
        var stores = await CreateStoresAsync();
        var (interviews, transcripts, reports) = (stores.Interviews, stores.Transcripts, stores.Reports);
        var count = CandidateDataService.PageSize + 5;
        for (var i = 0; i < count; i++)
        {
            await interviews.CreateAsync(Interview($"iv-{i:D3}", candidateId: "U-many", createdAt: Start.AddMinutes(i)), CancellationToken.None);
        }

        var sut = stores.Service();

        var report = await sut.ForgetCandidateAsync("U-many", CancellationToken.None);

        Assert.Equal(count, report.Interviews);
        Assert.Empty(await interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
    }

    [Fact]
    public async Task PurgeOlderThan_DeletesOnlyInterviewsCreatedBeforeTheCutoff()
    {
        var stores = await CreateStoresAsync();
        var (interviews, transcripts, reports) = (stores.Interviews, stores.Transcripts, stores.Reports);
        var cutoff = Start.AddDays(180);
        await SeedAsync(interviews, transcripts, reports, "iv-old", "U-ada", cutoff.AddTicks(-1), turns: 2, withReport: true);
        await SeedAsync(interviews, transcripts, reports, "iv-edge", "U-bob", cutoff, turns: 2, withReport: true);
        await SeedAsync(interviews, transcripts, reports, "iv-new", "U-cy", cutoff.AddDays(1), turns: 2, withReport: true);
        var sut = stores.Service();

        var report = await sut.PurgeOlderThanAsync(cutoff, CancellationToken.None);

        Assert.Equal(["iv-old"], report.InterviewIds);
        Assert.Equal(2, report.TranscriptTurns);
        Assert.Equal(1, report.Reports);
        Assert.Equal(["iv-new", "iv-edge"], (await interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None)).Select(i => i.Id));
        Assert.NotNull(await reports.GetAsync("iv-edge", CancellationToken.None));
        Assert.Empty(await transcripts.ReadAsync("iv-old", CancellationToken.None));
    }

    [Fact]
    public async Task ForgetCandidate_DeletesTheirSelfIdentificationButKeepsThePostedMessageRecordsForTheCaller()
    {
        var stores = await CreateStoresAsync();
        await SeedAsync(stores.Interviews, stores.Transcripts, stores.Reports, "iv-a1", "U-ada", Start, turns: 1, withReport: true);
        await SeedAsync(stores.Interviews, stores.Transcripts, stores.Reports, "iv-b1", "U-bob", Start, turns: 1, withReport: true);
        await stores.SelfIdentifications.SaveAsync(SelfIdentificationStoreContract.Record("iv-a1", "backend-senior", Start, Dialogs.Compliance.SexCategory.Female, null), CancellationToken.None);
        await stores.SelfIdentifications.SaveAsync(SelfIdentificationStoreContract.Record("iv-b1", "backend-senior", Start, Dialogs.Compliance.SexCategory.Male, null), CancellationToken.None);
        await stores.PostedMessages.SaveAsync(PostedMessageStoreContract.Message("U-ada", "iv-a1", "1712.0001"), CancellationToken.None);

        var report = await stores.Service().ForgetCandidateAsync("U-ada", CancellationToken.None);

        Assert.Equal(1, report.SelfIdentifications);
        Assert.Null(await stores.SelfIdentifications.GetAsync("iv-a1", CancellationToken.None));
        Assert.NotNull(await stores.SelfIdentifications.GetAsync("iv-b1", CancellationToken.None));
        Assert.Single(await stores.PostedMessages.ListAsync("U-ada", CancellationToken.None));
    }

    [Fact]
    public async Task PurgeOlderThan_AlsoDropsSelfIdentificationAndPostedMessageRecordsOfWhatItPurged()
    {
        var stores = await CreateStoresAsync();
        var cutoff = Start.AddDays(180);
        await SeedAsync(stores.Interviews, stores.Transcripts, stores.Reports, "iv-old", "U-ada", cutoff.AddDays(-1), turns: 1, withReport: true);
        await SeedAsync(stores.Interviews, stores.Transcripts, stores.Reports, "iv-new", "U-ada", cutoff.AddDays(1), turns: 1, withReport: true);
        await stores.SelfIdentifications.SaveAsync(SelfIdentificationStoreContract.Record("iv-old", "backend-senior", cutoff.AddDays(-1), null, null), CancellationToken.None);
        await stores.PostedMessages.SaveAsync(PostedMessageStoreContract.Message("U-ada", "iv-old", "1712.0001"), CancellationToken.None);
        var recent = PostedMessageStoreContract.Message("U-ada", "iv-new", "1712.0002");
        await stores.PostedMessages.SaveAsync(recent, CancellationToken.None);

        var report = await stores.Service().PurgeOlderThanAsync(cutoff, CancellationToken.None);

        Assert.Equal(["iv-old"], report.InterviewIds);
        Assert.Equal(1, report.SelfIdentifications);
        Assert.Equal([Json(recent)], (await stores.PostedMessages.ListAsync("U-ada", CancellationToken.None)).Select(Json));
    }

    private static async Task SeedAsync(
        IInterviewStore interviews, ITranscriptStore transcripts, IReportStore reports, string id, string candidateId, DateTimeOffset createdAt, int turns, bool withReport)
    {
        await interviews.CreateAsync(Interview(id, conversationId: "conv-" + id, candidateId: candidateId, createdAt: createdAt), CancellationToken.None);
        await transcripts.AppendAsync(id, [.. Enumerable.Range(0, turns).Select(s => Turn(id, s))], CancellationToken.None);
        if (withReport)
        {
            await reports.SaveAsync(Report(id), CancellationToken.None);
        }
    }

    /// <summary>Every store <see cref="CandidateDataService"/> erases from, on one backend.</summary>
    protected sealed record CandidateStores(
        IInterviewStore Interviews, ITranscriptStore Transcripts, IReportStore Reports, ISelfIdentificationStore SelfIdentifications, IPostedMessageStore PostedMessages)
    {
        public CandidateDataService Service() => new(Interviews, Transcripts, Reports, SelfIdentifications, PostedMessages);
    }
}
