using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="IJobQueue"/> contract, run against every backend by the subclasses.</summary>
public abstract class JobQueueContract : IAsyncLifetime
{
    /// <summary>Long enough that a job stays hidden for the rest of a test.</summary>
    protected static readonly TimeSpan Hidden = TimeSpan.FromMinutes(5);

    /// <summary>The shortest visibility timeout every backend accepts (Azure's minimum is one second).</summary>
    protected static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    protected FakeTimeProvider Time { get; } = new(StorageTestData.Start);

    /// <summary>A queue reading time from <see cref="Time"/>; every call within a test shares the same jobs.</summary>
    protected abstract Task<IJobQueue> CreateQueueAsync();

    /// <summary>The poison store's contents as (message id, interview id, reason).</summary>
    protected abstract Task<IReadOnlyList<(string MessageId, string InterviewId, string Reason)>> ReadPoisonedAsync(IJobQueue queue);

    /// <summary>
    /// Lets a visibility timeout of <paramref name="timeout"/> pass. Backends that take their time from
    /// <see cref="Time"/> advance it; a server with its own clock (Azurite) has to be waited for.
    /// </summary>
    protected virtual Task LetTimePassAsync(TimeSpan timeout)
    {
        Time.Advance(timeout + TimeSpan.FromMilliseconds(1));
        return Task.CompletedTask;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Receive_EmptyQueue_ReturnsNothing()
    {
        var sut = await CreateQueueAsync();

        Assert.Empty(await sut.ReceiveAsync(4, Hidden, CancellationToken.None));
    }

    [Fact]
    public async Task Receive_AfterEnqueue_ReturnsJobOnFirstDelivery()
    {
        var sut = await CreateQueueAsync();
        await sut.EnqueueAsync(new ScoringJob("iv-1"), CancellationToken.None);

        var received = Assert.Single(await sut.ReceiveAsync(4, Hidden, CancellationToken.None));

        Assert.Equal("iv-1", received.Job.InterviewId);
        Assert.Equal(1, received.DequeueCount);
        Assert.False(string.IsNullOrEmpty(received.MessageId));
        Assert.False(string.IsNullOrEmpty(received.Receipt));
    }

    [Fact]
    public async Task Receive_JobInFlight_IsHiddenFromOtherReceivers()
    {
        var sut = await CreateQueueAsync();
        var other = await CreateQueueAsync();
        await sut.EnqueueAsync(new ScoringJob("iv-hidden"), CancellationToken.None);
        await sut.ReceiveAsync(1, Hidden, CancellationToken.None);

        Assert.Empty(await other.ReceiveAsync(1, Hidden, CancellationToken.None));
        Assert.Empty(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));
    }

    [Fact]
    public async Task Receive_MoreJobsThanAsked_ReturnsAtMostMaxJobsEachOnce()
    {
        var sut = await CreateQueueAsync();
        foreach (var id in new[] { "iv-a", "iv-b", "iv-c" })
        {
            await sut.EnqueueAsync(new ScoringJob(id), CancellationToken.None);
        }

        var first = await sut.ReceiveAsync(2, Hidden, CancellationToken.None);
        var second = await sut.ReceiveAsync(5, Hidden, CancellationToken.None);

        Assert.Equal(2, first.Count);
        Assert.Single(second);
        Assert.Equal(["iv-a", "iv-b", "iv-c"], first.Concat(second).Select(j => j.Job.InterviewId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Receive_NotCompletedInTime_IsDeliveredAgainWithHigherCountAndNewReceipt()
    {
        var sut = await CreateQueueAsync();
        await sut.EnqueueAsync(new ScoringJob("iv-again"), CancellationToken.None);
        var first = Assert.Single(await sut.ReceiveAsync(1, ShortTimeout, CancellationToken.None));

        await LetTimePassAsync(ShortTimeout);
        var second = Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("iv-again", second.Job.InterviewId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.Receipt, second.Receipt);

        // The first receiver was too slow: its stale receipt no longer completes the job.
        await sut.CompleteAsync(first, CancellationToken.None);
        await sut.MoveToPoisonAsync(first, "stale", CancellationToken.None);
        Assert.Empty(await ReadPoisonedAsync(sut));
        await sut.CompleteAsync(second, CancellationToken.None);
        await LetTimePassAsync(Hidden);
        Assert.Empty(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));
    }

    [Fact]
    public async Task Release_ReceivedJob_IsDeliveredAgainAtOnce()
    {
        var sut = await CreateQueueAsync();
        await sut.EnqueueAsync(new ScoringJob("iv-released"), CancellationToken.None);
        var first = Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));

        await sut.ReleaseAsync(first, CancellationToken.None);
        var second = Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("iv-released", second.Job.InterviewId);
        Assert.NotEqual(first.Receipt, second.Receipt);
    }

    [Fact]
    public async Task Release_StaleReceipt_LeavesTheNewHolderItsJob()
    {
        var sut = await CreateQueueAsync();
        await sut.EnqueueAsync(new ScoringJob("iv-held"), CancellationToken.None);
        var first = Assert.Single(await sut.ReceiveAsync(1, ShortTimeout, CancellationToken.None));
        await LetTimePassAsync(ShortTimeout);
        Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));

        await sut.ReleaseAsync(first, CancellationToken.None);

        Assert.Empty(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));
    }

    [Fact]
    public async Task Complete_ReceivedJob_IsNeverDeliveredAgain()
    {
        var sut = await CreateQueueAsync();
        await sut.EnqueueAsync(new ScoringJob("iv-done"), CancellationToken.None);
        await sut.EnqueueAsync(new ScoringJob("iv-next"), CancellationToken.None);
        var job = (await sut.ReceiveAsync(1, ShortTimeout, CancellationToken.None))[0];

        await sut.CompleteAsync(job, CancellationToken.None);
        await LetTimePassAsync(ShortTimeout);
        var remaining = await sut.ReceiveAsync(5, Hidden, CancellationToken.None);

        Assert.Equal([job.Job.InterviewId == "iv-done" ? "iv-next" : "iv-done"], remaining.Select(j => j.Job.InterviewId));
    }

    [Fact]
    public async Task MoveToPoison_ReceivedJob_LeavesQueueAndKeepsReason()
    {
        var sut = await CreateQueueAsync();
        await sut.EnqueueAsync(new ScoringJob("iv-poison"), CancellationToken.None);
        var job = Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));

        await sut.MoveToPoisonAsync(job, "failed 5 times; last error: TimeoutException", CancellationToken.None);
        var poisoned = Assert.Single(await ReadPoisonedAsync(sut));

        Assert.Equal(job.MessageId, poisoned.MessageId);
        Assert.Equal("iv-poison", poisoned.InterviewId);
        Assert.Equal("failed 5 times; last error: TimeoutException", poisoned.Reason);
        Assert.Empty(await sut.ReceiveAsync(1, Hidden, CancellationToken.None));
    }

    [Fact]
    public async Task Enqueue_HostileInterviewId_RoundTrips()
    {
        var sut = await CreateQueueAsync();

        await sut.EnqueueAsync(new ScoringJob(StorageTestData.Hostile), CancellationToken.None);

        Assert.Equal(StorageTestData.Hostile, Assert.Single(await sut.ReceiveAsync(1, Hidden, CancellationToken.None)).Job.InterviewId);
    }
}
