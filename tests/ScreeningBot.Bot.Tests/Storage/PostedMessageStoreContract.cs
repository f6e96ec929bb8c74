using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="IPostedMessageStore"/> contract, run against every backend by the subclasses.</summary>
public abstract class PostedMessageStoreContract : IAsyncLifetime
{
    protected abstract Task<IPostedMessageStore> CreateStoreAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_ThenList_ReturnsTheCandidatesMessagesOldestFirstWithPartsInOrder()
    {
        var sut = await CreateStoreAsync();
        var later = Message("U-ada", "iv-2", "1712.0009", postedAt: Start.AddHours(2));
        var continuation = Message("U-ada", "iv-1", "1712.0002", postedAt: Start, part: 1);
        var first = Message("U-ada", "iv-1", "1712.0001", postedAt: Start);
        foreach (var message in new[] { later, continuation, first, Message("U-bob", "iv-3", "1712.0005") })
        {
            await sut.SaveAsync(message, CancellationToken.None);
        }

        var listed = await sut.ListAsync("U-ada", CancellationToken.None);

        Assert.Equal([Json(first), Json(continuation), Json(later)], listed.Select(Json));
    }

    [Fact]
    public async Task Save_SameMessageTwice_KeepsOneRecord()
    {
        var sut = await CreateStoreAsync();
        var message = Message("U-ada", "iv-1", "act-1");

        await sut.SaveAsync(message, CancellationToken.None);
        await sut.SaveAsync(message, CancellationToken.None);

        Assert.Single(await sut.ListAsync("U-ada", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_RemovesOneRecordThenReportsItGone()
    {
        var sut = await CreateStoreAsync();
        var keep = Message("U-ada", "iv-1", "act-1");
        var drop = Message("U-ada", "iv-1", "act-2", part: 1);
        await sut.SaveAsync(keep, CancellationToken.None);
        await sut.SaveAsync(drop, CancellationToken.None);

        Assert.True(await sut.DeleteAsync(drop, CancellationToken.None));
        Assert.False(await sut.DeleteAsync(drop, CancellationToken.None));
        Assert.Equal([Json(keep)], (await sut.ListAsync("U-ada", CancellationToken.None)).Select(Json));
    }

    [Theory]
    [InlineData(Hostile)]
    [InlineData("29:1a2B3c-Case")]
    [InlineData("29:1a2b3c-case")]
    public async Task Save_HostileIds_KeepCandidatesApart(string candidateId)
    {
        var sut = await CreateStoreAsync();
        var message = Message(candidateId, Hostile, "19:abc@thread.tacv2;messageid=1712" + new string('9', 600));
        await sut.SaveAsync(message, CancellationToken.None);
        await sut.SaveAsync(Message(candidateId + "-other", "iv-1", "x"), CancellationToken.None);

        Assert.Equal([Json(message)], (await sut.ListAsync(candidateId, CancellationToken.None)).Select(Json));
    }

    [Fact]
    public async Task List_UnknownCandidate_IsEmpty()
    {
        Assert.Empty(await (await CreateStoreAsync()).ListAsync("U-nobody", CancellationToken.None));
    }

    internal static PostedMessage Message(string candidateId, string interviewId, string messageId, DateTimeOffset? postedAt = null, int part = 0) => new()
    {
        CandidateId = candidateId,
        InterviewId = interviewId,
        Kind = PostedMessageKind.Scorecard,
        Conversation = new ConversationAddress { ChannelId = "slack", ConversationId = "C-hiring" },
        MessageId = messageId,
        Part = part,
        PostedAt = postedAt ?? Start,
    };
}
