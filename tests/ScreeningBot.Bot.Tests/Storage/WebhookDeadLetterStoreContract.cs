using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="IWebhookDeadLetterStore"/> contract, run against every backend by the subclasses.</summary>
public abstract class WebhookDeadLetterStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = StorageTestData.Start;

    private IWebhookDeadLetterStore Sut { get; set; } = null!;

    /// <summary>A store on the backend; a second call is another instance (or the command line) on the same data.</summary>
    private protected abstract IWebhookDeadLetterStore CreateStore();

    public Task InitializeAsync()
    {
        Sut = CreateStore();
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_NothingDeadLettered_IsEmpty()
    {
        Assert.Empty(await Sut.ListAsync(10, CancellationToken.None));
        Assert.Null(await Sut.GetAsync("evt_none", CancellationToken.None));
    }

    [Fact]
    public async Task Add_ComesBackWholeOldestFirst_FromAnotherInstance()
    {
        await Sut.AddAsync(DeadLetter("evt_b", minutes: 2), CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_c", minutes: 1), CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_a", minutes: 2), CancellationToken.None);

        var listed = await CreateStore().ListAsync(10, CancellationToken.None);
        var firstTwo = await Sut.ListAsync(2, CancellationToken.None);

        Assert.Equal(["evt_c", "evt_a", "evt_b"], listed.Select(d => d.EventId));
        Assert.Equal(["evt_c", "evt_a"], firstTwo.Select(d => d.EventId));
        Assert.Equal(DeadLetter("evt_c", minutes: 1), listed[0]);
    }

    [Fact]
    public async Task Add_HostileIdsAndABodyOver64KiB_RoundTrip()
    {
        var hostile = DeadLetter(StorageTestData.Hostile, minutes: 1, body: "{\"data\":\"" + StorageTestData.LongText(40_000) + "\"}") with { InterviewId = StorageTestData.Hostile };

        await Sut.AddAsync(hostile, CancellationToken.None);

        Assert.Equal(hostile, await Sut.GetAsync(StorageTestData.Hostile, CancellationToken.None));
        Assert.Equal(hostile, Assert.Single(await Sut.ListAsync(10, CancellationToken.None)));
    }

    [Fact]
    public async Task Add_SameEventAgain_ReplacesItsEntry()
    {
        await Sut.AddAsync(DeadLetter("evt_a", minutes: 1), CancellationToken.None);
        var again = DeadLetter("evt_a", minutes: 9) with { LastError = "failed 5 attempts (Webhook:MaxAttempts); last: HTTP 503 Service Unavailable" };

        await Sut.AddAsync(again, CancellationToken.None);

        Assert.Equal(again, Assert.Single(await Sut.ListAsync(10, CancellationToken.None)));
    }

    [Fact]
    public async Task Remove_TheEntryRead_RemovesItOnce()
    {
        await Sut.AddAsync(DeadLetter("evt_a", minutes: 1), CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_b", minutes: 2), CancellationToken.None);
        var read = (await Sut.GetAsync("evt_a", CancellationToken.None))!;

        var first = await Sut.RemoveAsync(read, CancellationToken.None);
        var second = await CreateStore().RemoveAsync(read, CancellationToken.None);

        Assert.Equal((true, false), (first, second));
        Assert.Null(await Sut.GetAsync("evt_a", CancellationToken.None));
        Assert.Equal(["evt_b"], (await Sut.ListAsync(10, CancellationToken.None)).Select(d => d.EventId));
    }

    [Fact]
    public async Task Remove_EventDeadLetteredAgainAfterItWasRead_KeepsTheNewerEntry()
    {
        await Sut.AddAsync(DeadLetter("evt_a", minutes: 1), CancellationToken.None);
        var read = (await Sut.GetAsync("evt_a", CancellationToken.None))!;
        var newer = DeadLetter("evt_a", minutes: 30);
        await CreateStore().AddAsync(newer, CancellationToken.None);

        var removed = await Sut.RemoveAsync(read, CancellationToken.None);

        Assert.False(removed);
        Assert.Equal(newer, await Sut.GetAsync("evt_a", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteForInterview_RemovesOnlyThatInterviewsDeadLetters()
    {
        await Sut.AddAsync(DeadLetter("evt_a", minutes: 1) with { InterviewId = StorageTestData.Hostile }, CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_b", minutes: 2) with { InterviewId = StorageTestData.Hostile }, CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_c", minutes: 3) with { InterviewId = "iv-other" }, CancellationToken.None);

        var deleted = await CreateStore().DeleteForInterviewAsync(StorageTestData.Hostile, CancellationToken.None);
        var again = await Sut.DeleteForInterviewAsync(StorageTestData.Hostile, CancellationToken.None);

        Assert.Equal((2, 0), (deleted, again));
        Assert.Equal(["evt_c"], (await Sut.ListAsync(10, CancellationToken.None)).Select(d => d.EventId));
    }

    [Fact]
    public async Task DeleteOlderThan_RemovesOnlyThoseDeadLetteredBeforeTheCutoff()
    {
        await Sut.AddAsync(DeadLetter("evt_a", minutes: 1) with { InterviewId = StorageTestData.Hostile }, CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_b", minutes: 2), CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_c", minutes: 3), CancellationToken.None);
        await Sut.AddAsync(DeadLetter("evt_d", minutes: 4), CancellationToken.None);

        var deleted = await CreateStore().DeleteOlderThanAsync(Start.AddMinutes(3), CancellationToken.None);
        var again = await Sut.DeleteOlderThanAsync(Start.AddMinutes(3), CancellationToken.None);

        Assert.Equal((2, 0), (deleted, again));
        Assert.Equal(["evt_c", "evt_d"], (await Sut.ListAsync(10, CancellationToken.None)).Select(d => d.EventId));
    }

    private static WebhookDeadLetter DeadLetter(string eventId, int minutes, string? body = null) =>
        new(
            new WebhookDelivery(eventId, "decision.recorded", body ?? $"{{\"id\":\"{eventId}\",\"data\":{{\"candidateId\":\"U-jane\"}}}}", 5),
            "iv-" + eventId,
            "failed 5 attempts (Webhook:MaxAttempts); last: HTTP 500 Internal Server Error",
            Start.AddMinutes(minutes));
}
