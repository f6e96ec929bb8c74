using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Playground;

namespace ScreeningBot.Bot.Tests.Playground;

/// <summary>The connector stand-in's memory: global order, stable 1:1 ids, the three bounds, and waiting for news.</summary>
public sealed class PlaygroundConversationStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Read_AfterACursor_ReturnsNewerActivitiesOfAllConversationsInOrder()
    {
        var sut = CreateSut();
        sut.Append("a", Message("a1"));
        sut.Append("b", Message("b1"));
        sut.Append("a", Message("a2"));

        var feed = sut.Read(after: 1);

        Assert.Equal(["b1", "a2"], feed.Activities.Select(i => i.Activity.GetProperty("text").GetString()));
        Assert.Equal(3, feed.Next);
        Assert.Equal(["a1", "a2"], sut.Read(0, "a").Activities.Select(i => i.Activity.GetProperty("text").GetString()));
        Assert.Empty(sut.Read(0, "unknown").Activities);
    }

    [Fact]
    public void Append_AssignsConnectorIdTimestampAndConversation()
    {
        var sut = CreateSut();

        var entry = sut.Append("chan", Message("hello"), replyToId: "in-1");

        Assert.Equal("pg-1", entry.ActivityId);
        Assert.Equal("pg-1", entry.Activity.GetProperty("id").GetString());
        Assert.Equal("2026-03-02T10:00:00.000Z", entry.Activity.GetProperty("timestamp").GetString());
        Assert.Equal("chan", entry.Activity.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("in-1", entry.Activity.GetProperty("replyToId").GetString());
        Assert.Equal("playground", entry.Activity.GetProperty("channelId").GetString());
    }

    [Fact]
    public void Open_OneToOne_IsStablePerMemberWhileGroupsAreNew()
    {
        var sut = CreateSut();

        var first = sut.Open(isGroup: false, ["candidate:jane"]);
        var again = sut.Open(isGroup: false, ["candidate:jane"]);
        var group1 = sut.Open(isGroup: true, ["a", "b"]);
        var group2 = sut.Open(isGroup: true, ["a", "b"]);

        Assert.Equal("dm:candidate:jane", first.Id);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(group1.Id, group2.Id);
        Assert.Equal(["candidate:jane"], first.Members);
        Assert.False(first.IsGroup);
    }

    [Fact]
    public void Append_PastMaxActivitiesPerConversation_DropsThatConversationsOldest()
    {
        var sut = CreateSut(new PlaygroundOptions { MaxActivitiesPerConversation = 2 });
        sut.Append("a", Message("a1"));
        sut.Append("b", Message("b1"));
        sut.Append("a", Message("a2"));

        sut.Append("a", Message("a3"));

        Assert.Equal(["b1", "a2", "a3"], sut.Read(0).Activities.Select(i => i.Activity.GetProperty("text").GetString()));
    }

    [Fact]
    public void Append_PastMaxConversations_ForgetsTheConversationIdleLongest()
    {
        var sut = CreateSut(new PlaygroundOptions { MaxConversations = 2 });
        sut.Append("old", Message("o1"));
        sut.Append("busy", Message("b1"));
        sut.Append("busy", Message("b2"));

        sut.Append("new", Message("n1"));

        var conversations = sut.Read(0).Activities.Select(i => i.Conversation.Id).Distinct();
        Assert.Equal(["busy", "new"], conversations);
    }

    [Fact]
    public void Append_PastMaxStoredBytes_DropsTheOldestActivitiesFirst()
    {
        var sut = CreateSut(new PlaygroundOptions { MaxStoredBytes = 64 * 1024 });
        var big = new string('x', 20 * 1024);
        for (var i = 1; i <= 5; i++)
        {
            sut.Append(i % 2 == 0 ? "even" : "odd", Message(i + big));
        }

        var kept = sut.Read(0).Activities.Select(i => i.Activity.GetProperty("text").GetString()![0]).ToArray();

        Assert.Equal(['3', '4', '5'], kept);
    }

    [Fact]
    public void Read_PageFull_NextPointsAtTheLastReturnedActivity()
    {
        var sut = CreateSut();
        for (var i = 0; i < 5; i++)
        {
            sut.Append("a", Message("m" + i));
        }

        var page = sut.Read(0, max: 2);

        Assert.Equal(2, page.Activities.Count);
        Assert.Equal(2, page.Next);
        Assert.Equal(["m2", "m3", "m4"], sut.Read(page.Next).Activities.Select(i => i.Activity.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task WaitForNewerAsync_SomethingIsAppended_Completes()
    {
        var sut = CreateSut();
        var waiting = sut.WaitForNewerAsync(after: 0, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        sut.Append("a", Message("news"));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForNewerAsync_NothingNew_CompletesWhenTheTimeIsUp()
    {
        var sut = CreateSut();
        var waiting = sut.WaitForNewerAsync(after: 0, TimeSpan.FromSeconds(20), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(sut.Read(0).Activities);
    }

    [Fact]
    public async Task WaitForNewerAsync_AlreadyNewer_CompletesAtOnce()
    {
        var sut = CreateSut();
        sut.Append("a", Message("before"));

        var waiting = sut.WaitForNewerAsync(after: 0, TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.True(waiting.IsCompletedSuccessfully);
        await waiting;
    }

    [Fact]
    public void Read_NegativeCursor_Throws()
    {
        var sut = CreateSut();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sut.Read(-1));

        Assert.Equal("after", e.ParamName);
    }

    private PlaygroundConversationStore CreateSut(PlaygroundOptions? options = null) =>
        new(Options.Create(options ?? new PlaygroundOptions()), _time, NullLogger<PlaygroundConversationStore>.Instance);

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };
}
