using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="ITranscriptStore"/> contract, run against every backend by the subclasses.</summary>
public abstract class TranscriptStoreContract : IAsyncLifetime
{
    protected abstract Task<ITranscriptStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Append_ThenRead_RoundTripsEveryField()
    {
        var sut = await CreateStoreAsync();
        var turns = new[] { Turn("iv-1", 0), Turn("iv-1", 1, "I'd use an outbox table."), Turn("iv-1", 2, "") };

        await sut.AppendAsync("iv-1", turns, CancellationToken.None);
        var read = await sut.ReadAsync("iv-1", CancellationToken.None);

        Assert.Equal(turns.Select(StorageTestData.Json), read.Select(StorageTestData.Json));
    }

    [Fact]
    public async Task Read_UnknownInterview_ReturnsEmpty()
    {
        var sut = await CreateStoreAsync();

        Assert.Empty(await sut.ReadAsync("iv-unknown", CancellationToken.None));
    }

    [Fact]
    public async Task Append_500TurnsOutOfOrderInSeveralCalls_ReadsInSequenceOrder()
    {
        var sut = await CreateStoreAsync();
        var sequences = Enumerable.Range(0, 500).Select(i => (long)i).Reverse().ToArray();

        // Sequences 2, 10 and 100 sort differently as text and as numbers; zero-padding must keep number order.
        foreach (var chunk in sequences.Chunk(137))
        {
            await sut.AppendAsync("iv-500", [.. chunk.Select(s => Turn("iv-500", s))], CancellationToken.None);
        }

        var read = await sut.ReadAsync("iv-500", CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), read.Select(t => t.Sequence));
        Assert.All(read, t => Assert.Equal($"Turn number {t.Sequence}.", t.Text));
    }

    [Fact]
    public async Task Append_200KbAnswer_IsStoredWhole()
    {
        var sut = await CreateStoreAsync();
        var answer = LongText(200 * 1024);

        await sut.AppendAsync("iv-long", [Turn("iv-long", 0), Turn("iv-long", 1, answer), Turn("iv-long", 2)], CancellationToken.None);
        var read = await sut.ReadAsync("iv-long", CancellationToken.None);

        Assert.Equal(3, read.Count);
        Assert.Equal(answer.Length, read[1].Text.Length);
        Assert.Equal(answer, read[1].Text);
        Assert.Equal("Turn number 2.", read[2].Text);
    }

    [Fact]
    public async Task Append_TextLargerThanOneEntity_IsStoredWholeBesideOtherTurns()
    {
        var sut = await CreateStoreAsync();
        var huge = LongText(1_300_000, seed: 3);
        var turns = Enumerable.Range(0, 120).Select(i => Turn("iv-huge", i, i == 60 ? huge : null)).ToArray();

        await sut.AppendAsync("iv-huge", turns, CancellationToken.None);
        var read = await sut.ReadAsync("iv-huge", CancellationToken.None);

        Assert.Equal(120, read.Count);
        Assert.Equal(huge, read[60].Text);
        Assert.Equal(turns.Select(StorageTestData.Json), read.Select(StorageTestData.Json));
    }

    [Fact]
    public async Task Append_SameSequenceAgain_DoesNotDuplicateTheLine()
    {
        var sut = await CreateStoreAsync();
        var turns = new[] { Turn("iv-retry", 0), Turn("iv-retry", 1, LongText(100_000)) };
        await sut.AppendAsync("iv-retry", turns, CancellationToken.None);

        // A retried turn appends the same lines again, plus the next one.
        await sut.AppendAsync("iv-retry", [turns[1], Turn("iv-retry", 2)], CancellationToken.None);
        var read = await sut.ReadAsync("iv-retry", CancellationToken.None);

        Assert.Equal([0L, 1L, 2L], read.Select(t => t.Sequence));
        Assert.Equal(turns[1].Text, read[1].Text);
    }

    [Fact]
    public async Task Append_TurnOfAnotherInterview_ThrowsArgumentException()
    {
        var sut = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>("turns", () => sut.AppendAsync("iv-a", [Turn("iv-a", 0), Turn("iv-b", 1)], CancellationToken.None));
    }

    [Fact]
    public async Task Append_HostileAndCaseDifferentIds_KeepTranscriptsApart()
    {
        var sut = await CreateStoreAsync();
        string[] ids = [Hostile, "iv-Case", "iv-case", "iv/with/slash", ""];
        foreach (var id in ids)
        {
            await sut.AppendAsync(id, [Turn(id, 0, "first of " + id), Turn(id, 1, Hostile)], CancellationToken.None);
        }

        foreach (var id in ids)
        {
            var read = await sut.ReadAsync(id, CancellationToken.None);
            Assert.Equal(["first of " + id, Hostile], read.Select(t => t.Text));
            Assert.All(read, t => Assert.Equal(id, t.InterviewId));
        }
    }

    [Fact]
    public async Task Delete_ReturnsTurnsDeletedAndLeavesOthers()
    {
        var sut = await CreateStoreAsync();
        await sut.AppendAsync("iv-del", [Turn("iv-del", 0), Turn("iv-del", 1, LongText(700_000)), Turn("iv-del", 2)], CancellationToken.None);
        await sut.AppendAsync("iv-keep", [Turn("iv-keep", 0)], CancellationToken.None);

        var deleted = await sut.DeleteAsync("iv-del", CancellationToken.None);
        var again = await sut.DeleteAsync("iv-del", CancellationToken.None);

        Assert.Equal(3, deleted);
        Assert.Equal(0, again);
        Assert.Empty(await sut.ReadAsync("iv-del", CancellationToken.None));
        Assert.Single(await sut.ReadAsync("iv-keep", CancellationToken.None));
    }

    [Fact]
    public async Task Append_FromTwoInstances_BothAreVisible()
    {
        var first = await CreateStoreAsync();
        var second = await CreateStoreAsync();

        await first.AppendAsync("iv-shared", [Turn("iv-shared", 0)], CancellationToken.None);
        await second.AppendAsync("iv-shared", [Turn("iv-shared", 1)], CancellationToken.None);

        Assert.Equal([0L, 1L], (await first.ReadAsync("iv-shared", CancellationToken.None)).Select(t => t.Sequence));
    }
}
