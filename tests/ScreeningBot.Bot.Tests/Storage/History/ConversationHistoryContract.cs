using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage.History;

/// <summary>
/// <see cref="ConversationHistory"/> on every backend: a page's poll (the interview and the lines after its cursor) is one
/// storage request once the conversation's interview is known, and sees what every turn wrote.
/// </summary>
public abstract class ConversationHistoryContract : IAsyncLifetime
{
    private const string Id = "iv-history-history-hist";

    /// <summary>The stores on the backend, each request to which <see cref="Requests"/> counts.</summary>
    protected abstract Task<(IInterviewStore Interviews, ITranscriptStore Transcripts)> CreateStoresAsync();

    /// <summary>Storage requests made so far (HTTP requests to the account, or calls of the store).</summary>
    protected abstract int Requests { get; }

    /// <summary>Whether every request so far went to one table or file (the interview's own partition on Tables).</summary>
    protected abstract void AssertOnePlace(int from);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Poll_OnceTheInterviewIsKnown_IsOneRequestAndSeesEachNewTurn()
    {
        var (interviews, transcripts) = await CreateStoresAsync();
        var interview = StorageTestData.Interview(Id, conversationId: "link-history");
        var stored = await interviews.CreateAsync(Turns(interview, 0, 7), CancellationToken.None);
        var sut = new ConversationHistory(interviews, transcripts);
        var key = interview.ConversationKey;

        var opened = await sut.ReadAsync(key, -1, CancellationToken.None);
        var before = Requests;
        var idle = await sut.ReadAsync(key, 6, CancellationToken.None);
        var idleRequests = Requests - before;
        stored = await interviews.UpdateAsync(stored, Turns(stored.Interview, 7, 2), CancellationToken.None);
        before = Requests;
        var news = await sut.ReadAsync(key, 6, CancellationToken.None);
        var newsRequests = Requests - before;
        var rest = await sut.ReadAsync(key, 7, CancellationToken.None);
        var all = await sut.ReadAsync(key, -1, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 7).Select(i => (long)i), opened.Snapshot!.Lines.Select(l => l.Sequence));
        Assert.Empty(idle.Snapshot!.Lines);
        Assert.Equal([7L, 8L], news.Snapshot!.Lines.Select(l => l.Sequence));
        Assert.Equal("Line 8 said.", Assert.Single(rest.Snapshot!.Lines).Text);
        Assert.Equal(9, all.Snapshot!.Lines.Count);
        Assert.Equal((1, 1), (idleRequests, newsRequests));
        AssertOnePlace(before);
    }

    [Fact]
    public async Task Poll_InterviewForgottenMeanwhile_FindsNothing()
    {
        var (interviews, transcripts) = await CreateStoresAsync();
        var interview = StorageTestData.Interview(Id, conversationId: "link-forgotten");
        await interviews.CreateAsync(Turns(interview, 0, 7), CancellationToken.None);
        var sut = new ConversationHistory(interviews, transcripts);
        Assert.NotNull((await sut.ReadAsync(interview.ConversationKey, -1, CancellationToken.None)).Snapshot);

        await interviews.DeleteAsync(Id, CancellationToken.None);
        var read = await sut.ReadAsync(interview.ConversationKey, 6, CancellationToken.None);

        Assert.Equal((false, null), (read.Unavailable, read.Snapshot));
    }

    [Fact]
    public async Task Poll_AfterTheInterviewEnded_SeesTheNewerInterviewOfTheConversation()
    {
        var (interviews, transcripts) = await CreateStoresAsync();
        var first = StorageTestData.Interview(Id, conversationId: "dm-again");
        var stored = await interviews.CreateAsync(Turns(first, 0, 7), CancellationToken.None);
        var sut = new ConversationHistory(interviews, transcripts);
        await sut.ReadAsync(first.ConversationKey, -1, CancellationToken.None);
        await interviews.UpdateAsync(stored, stored.Interview with { Record = stored.Interview.Record with { Status = Dialogs.Waterfall.InterviewStatus.Completed, EndedAt = StorageTestData.Start.AddHours(1) } }, CancellationToken.None);
        var ended = await sut.ReadAsync(first.ConversationKey, 6, CancellationToken.None);
        var second = StorageTestData.Interview("iv-history-second-secon", conversationId: "dm-again", createdAt: StorageTestData.Start.AddDays(1));
        await interviews.CreateAsync(Turns(second, 0, 7), CancellationToken.None);

        var read = await sut.ReadAsync(first.ConversationKey, -1, CancellationToken.None);

        Assert.Equal(Dialogs.Waterfall.InterviewStatus.Completed, ended.Snapshot!.Interview.Status);
        Assert.Equal("iv-history-second-secon", read.Snapshot!.Interview.Id);
        Assert.Equal(7, read.Snapshot.Lines.Count);
    }

    /// <summary><paramref name="interview"/> with <paramref name="count"/> new lines from <paramref name="from"/> in its outbox, as a turn leaves it.</summary>
    private static Interview Turns(Interview interview, long from, int count) => interview with
    {
        Record = interview.Record with
        {
            TranscriptOutbox = [.. Enumerable.Range(0, count).Select(i => StorageTestData.Turn(interview.Id, from + i) with { Text = $"Line {from + i} said." })],
            NextTranscriptSequence = from + count,
        },
    };
}
