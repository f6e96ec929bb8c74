using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="IDecisionStore"/> contract, run against every backend by the subclasses.</summary>
public abstract class DecisionStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    protected IDecisionStore Sut { get; private set; } = null!;

    protected abstract Task<IDecisionStore> CreateStoreAsync();

    public async Task InitializeAsync() => Sut = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_NothingStored_IsEmpty()
    {
        var history = await Sut.GetAsync("iv-none", CancellationToken.None);

        Assert.Empty(history.Entries);
        Assert.Null(history.Current);
    }

    [Fact]
    public async Task Append_DecisionsAndNotes_ComeBackOldestFirstWithTheLatestDecisionCurrent()
    {
        await Sut.AppendAsync(Entry("b", 2, HiringDecision.Reject, "not now"), CancellationToken.None);
        await Sut.AppendAsync(Entry("a", 1, HiringDecision.Advance), CancellationToken.None);
        await Sut.AppendAsync(Entry("c", 3, null, "note ✓ <b>&</b>"), CancellationToken.None);

        var history = await Sut.GetAsync("iv-1", CancellationToken.None);

        Assert.Equal(["a", "b", "c"], history.Entries.Select(e => e.Id));
        Assert.Equal(HiringDecision.Reject, history.Current!.Decision);
        Assert.Equal("not now", history.Current.Text);
        Assert.Equal("note ✓ <b>&</b>", Assert.Single(history.Notes).Text);
        Assert.Equal(Start.AddMinutes(1), history.Entries[0].At);
    }

    [Fact]
    public async Task Append_SameIdTwice_IsStoredOnce()
    {
        await Sut.AppendAsync(Entry("a", 1, HiringDecision.Hold), CancellationToken.None);
        await Sut.AppendAsync(Entry("a", 1, HiringDecision.Hold), CancellationToken.None);

        Assert.Single((await Sut.GetAsync("iv-1", CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task Delete_RemovesOnlyThatInterview()
    {
        await Sut.AppendAsync(Entry("a", 1, HiringDecision.Hold), CancellationToken.None);
        await Sut.AppendAsync(Entry("b", 2, null, "n"), CancellationToken.None);
        await Sut.AppendAsync(Entry("c", 3, HiringDecision.Advance, interviewId: StorageTestData.Hostile), CancellationToken.None);

        Assert.Equal(2, await Sut.DeleteAsync("iv-1", CancellationToken.None));

        Assert.Empty((await Sut.GetAsync("iv-1", CancellationToken.None)).Entries);
        Assert.Single((await Sut.GetAsync(StorageTestData.Hostile, CancellationToken.None)).Entries);
    }

    private static DecisionEntry Entry(string id, int minute, HiringDecision? decision, string? text = null, string interviewId = "iv-1") => new()
    {
        Id = id,
        InterviewId = interviewId,
        At = Start.AddMinutes(minute),
        ById = "U-rec",
        ByName = "Rita",
        Decision = decision,
        Text = text,
    };
}
