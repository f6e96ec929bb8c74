using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>The hosted turn queue: one conversation in arrival order, many at once up to the limit, and a bound on what waits.</summary>
public sealed class TurnQueueTests
{
    private const string Jane = "UJANE";
    private const string JaneChat = "dm-jane";

    [Fact]
    public async Task TryEnqueue_TurnsOfOneConversation_RunInArrivalOrderEvenWhenTheFirstIsSlow()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var janeKey = TurnTestHost.Conversation(JaneChat).Key;
        sut.Interviews.Hold(janeKey);
        var enteredBefore = sut.Interviews.Entered.Count;
        var consent = new RecordingTurnReplies();
        var years = new RecordingTurnReplies();

        // The first turn stops at its storage call; a third conversation's turn gets to storage meanwhile, the second must not.
        var first = sut.Queue.TryEnqueue(sut.Message(JaneChat, Jane, "yes"), consent)!;
        var second = sut.Queue.TryEnqueue(sut.Message(JaneChat, Jane, "5"), years)!;
        var other = sut.Queue.TryEnqueue(sut.Message("dm-other", "UOTHER", "hello"), new RecordingTurnReplies())!;
        await sut.Interviews.WaitForEnteredAsync(enteredBefore + 2);
        var enteredWhileFirstIsHeld = sut.Interviews.Entered.Skip(enteredBefore);
        sut.Interviews.Release(janeKey);
        await Task.WhenAll(first, second, other);

        Assert.Equal([janeKey, TurnTestHost.Conversation("dm-other").Key], enteredWhileFirstIsHeld.Order(StringComparer.Ordinal));
        Assert.Equal(["yes", "5"], await sut.CandidateLinesAsync(JaneChat));
        Assert.Contains(consent.Texts, t => t.Contains("years", StringComparison.Ordinal));
        Assert.DoesNotContain(years.Texts, t => t.Contains("consent", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TryEnqueue_ManyConversationsAtOnce_RunsAtMostMaxConcurrentTurns()
    {
        await using var sut = new TurnTestHost(new Dictionary<string, string?> { ["Turns:MaxConcurrentTurns"] = "2" });
        var chats = new[] { "dm-a", "dm-b", "dm-c" };
        foreach (var chat in chats)
        {
            sut.Interviews.Hold(TurnTestHost.Conversation(chat).Key);
        }

        var turns = chats.Select(chat => sut.Queue.TryEnqueue(sut.Message(chat, "U" + chat, "hello"), new RecordingTurnReplies())!).ToArray();
        await sut.Interviews.WaitForEnteredAsync(2);
        var enteredWhileTwoRun = sut.Interviews.Entered.Count;
        sut.Interviews.Release(sut.Interviews.Entered[0]);
        await sut.Interviews.WaitForEnteredAsync(3);
        foreach (var chat in chats)
        {
            sut.Interviews.Release(TurnTestHost.Conversation(chat).Key);
        }

        await Task.WhenAll(turns);
        Assert.Equal(2, enteredWhileTwoRun);
        Assert.Equal(2, sut.Interviews.MostAtOnce);
        Assert.All(turns, t => Assert.Equal(TurnResult.Completed, t.Result));
    }

    [Fact]
    public async Task TryEnqueue_MorePendingThanTheLimit_RefusesTheExtraTurnAndRunsTheOthers()
    {
        await using var sut = new TurnTestHost(new Dictionary<string, string?> { ["Turns:MaxPendingTurns"] = "2" });
        var key = TurnTestHost.Conversation(JaneChat).Key;
        sut.Interviews.Hold(key);

        var first = sut.Queue.TryEnqueue(sut.Message(JaneChat, Jane, "one"), new RecordingTurnReplies());
        var second = sut.Queue.TryEnqueue(sut.Message(JaneChat, Jane, "two"), new RecordingTurnReplies());
        var third = sut.Queue.TryEnqueue(sut.Message(JaneChat, Jane, "three"), new RecordingTurnReplies());
        Assert.Equal(2, sut.Queue.Pending);
        sut.Interviews.Release(key);
        await Task.WhenAll(first!, second!);

        Assert.Null(third);
        Assert.Equal(0, sut.Queue.Pending);
        Assert.NotNull(sut.Queue.TryEnqueue(sut.Message(JaneChat, Jane, "four"), new RecordingTurnReplies()));
    }

    [Fact]
    public async Task StopAsync_WaitsForQueuedTurnsToFinish()
    {
        await using var sut = new TurnTestHost();
        var key = TurnTestHost.Conversation(JaneChat).Key;
        sut.Interviews.Hold(key);
        var replies = new RecordingTurnReplies();
        var turn = sut.Queue.TryEnqueue(sut.Message(JaneChat, Jane, "hello"), replies)!;
        await sut.Interviews.WaitForEnteredAsync(1);

        var stopping = sut.Queue.StopAsync(CancellationToken.None);
        var stoppedEarly = stopping.IsCompleted;
        sut.Interviews.Release(key);
        await stopping;

        Assert.False(stoppedEarly);
        Assert.Equal(TurnResult.Completed, await turn);
        Assert.Equal(["reply: " + TurnText.NoScreen], replies.Sent);
    }
}
