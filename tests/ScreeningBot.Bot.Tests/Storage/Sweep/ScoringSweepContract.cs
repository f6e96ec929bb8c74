using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Storage.Sweep;

/// <summary>
/// <see cref="ScoringSweep"/> on every backend: an interview whose scoring job was lost when it ended (the queue was down)
/// gets its scorecard, once, with two bot instances sweeping the same store, and the store is looked at once per interval
/// (one instance owns each pass); time moved by a <see cref="FakeTimeProvider"/>.
/// </summary>
public abstract class ScoringSweepContract : IAsyncLifetime
{
    private const string Strong = "I designed a REST API for billing with cursor pagination and versioned media types. It served 2k requests per second.";

    private static readonly ConversationAddress Hiring = new() { ChannelId = "msteams", ConversationId = "19:hiring" };

    private readonly TimerWatchingTimeProvider _time = new(StorageTestData.Start);

    protected FakeTimeProvider Time => _time;

    private StaticProfileSource Profiles { get; } = new(SampleProfiles.Backend);

    /// <summary>The stores of one bot instance: its own connections to the backend every instance of the test shares.</summary>
    protected abstract Instance CreateInstance();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task QueueDownAtInterviewEnd_TwoInstancesSweep_OneJobQueuedAndOneScorecardPosted()
    {
        var (a, b) = (CreateInstance(), CreateInstance());
        var id = await FinishInterviewWhileTheQueueIsDownAsync(a);
        var endedAt = Time.GetUtcNow();
        Assert.Empty(await a.Queue.ReceiveAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None));

        Time.Advance(TimeSpan.FromMinutes(9));
        var withinGrace = await BothSweepAsync(a, b);
        Time.Advance(new ScoringSweepOptions().Interval); // the next pass: the grace has passed
        var afterGrace = await BothSweepAsync(a, b);
        var again = await BothSweepAsync(a, b);
        var worked = await DrainQueueAsync(a, b);
        Time.SetUtcNow(endedAt.AddMinutes(45));
        var afterPosting = await BothSweepAsync(a, b);

        // One instance owns each pass; a second look within the same interval is nobody's.
        Assert.Equal([(1, 0), (1, 1), (0, 0), (1, 0)], [withinGrace, afterGrace, again, afterPosting]);
        Assert.Equal(1, worked);
        var (posted, scorecard) = Assert.Single(a.Publisher.Posted.Concat(b.Publisher.Posted));
        Assert.Equal(id, posted.Id);
        Assert.Equal(Hiring, posted.HiringConversation);
        Assert.Equal("Jane Doe", scorecard.CandidateName);
        Assert.NotNull((await a.Reports.GetAsync(id, CancellationToken.None))?.PostedAt);
    }

    [Fact]
    public async Task HostedSweep_LooksOnceEveryInterval_AndQueuesTheLostJob()
    {
        var a = CreateInstance();
        var endedAt = Time.GetUtcNow();
        await a.Interviews.CreateAsync(Ended("iv-sweep-hosted", InterviewStatus.Completed, endedAt), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(30));

        var timerStarted = _time.NextTimer();
        await a.Sweep.StartAsync(CancellationToken.None);
        try
        {
            // ExecuteAsync runs on its own thread: move the clock only once the sweep waits on its first interval.
            await timerStarted.WaitAsync(TimeSpan.FromSeconds(20));
            var beforeTheInterval = await a.Queue.ReceiveAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None);
            Time.Advance(new ScoringSweepOptions().Interval);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            IReadOnlyList<QueuedJob> queued = [];
            while (queued.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                queued = await a.Queue.ReceiveAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None);
                await Task.Delay(50);
            }

            Assert.Empty(beforeTheInterval);
            Assert.Equal("iv-sweep-hosted", Assert.Single(queued).Job.InterviewId);
        }
        finally
        {
            await a.Sweep.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task TwoHostedSweeps_OneLookAtTheStorePerInterval_AndTheOtherTakesOverWhenTheOwnerStops()
    {
        var (a, b) = (CreateInstance(), CreateInstance());
        var interval = new ScoringSweepOptions().Interval;
        var timers = _time.TimersCreated;
        await a.Sweep.StartAsync(CancellationToken.None);
        await b.Sweep.StartAsync(CancellationToken.None);
        try
        {
            // Each sweep creates a timer when it starts waiting: after its start, and again after each pass it ran or skipped.
            await _time.WhenTimersCreated(timers + 2).WaitAsync(TimeSpan.FromSeconds(20));
            var looks = new List<int>();
            var aBeforeLastPass = 0;
            for (var pass = 1; pass <= 3; pass++)
            {
                aBeforeLastPass = a.Looks;
                Time.Advance(interval);
                await _time.WhenTimersCreated(timers + 2 + (2 * pass)).WaitAsync(TimeSpan.FromSeconds(20));
                looks.Add(a.Looks + b.Looks);
            }

            Assert.Equal([1, 2, 3], looks);

            // Stop whichever instance owned the last pass; its lease holds for the rest of that interval, then the other owns the next.
            var (owner, other) = a.Looks > aBeforeLastPass ? (a, b) : (b, a);
            await owner.Sweep.StopAsync(CancellationToken.None);
            var stillLeased = await other.Sweep.RunOnceAsync(CancellationToken.None);
            var (ownerLooks, otherLooks) = (owner.Looks, other.Looks);
            timers = _time.TimersCreated;
            Time.Advance(interval);
            await _time.WhenTimersCreated(timers + 1).WaitAsync(TimeSpan.FromSeconds(20));
            Time.Advance(interval);
            await _time.WhenTimersCreated(timers + 2).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.False(stillLeased.Owned);
            Assert.Equal((ownerLooks, otherLooks + 2), (owner.Looks, other.Looks));
        }
        finally
        {
            await a.Sweep.StopAsync(CancellationToken.None);
            await b.Sweep.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ScoringKeepsFailing_RequeuesAreSpacedFurtherAndFurther()
    {
        var a = CreateInstance();
        await a.Interviews.CreateAsync(Ended("iv-sweep-spaced", InterviewStatus.Completed, Time.GetUtcNow()), CancellationToken.None);
        var endedAt = Time.GetUtcNow();

        var requeued = new List<int>();
        foreach (var minutes in new[] { 10, 15, 20, 30, 40, 70, 80 })
        {
            Time.SetUtcNow(endedAt.AddMinutes(minutes));
            requeued.Add((await a.Sweep.RunOnceAsync(CancellationToken.None)).Requeued);
        }

        // Due after 10, 20, 40 and 80 minutes; no worker runs here, nothing is posted, so each due requeue queues it again.
        Assert.Equal([1, 0, 1, 0, 1, 0, 1], requeued);
    }

    [Fact]
    public async Task List_OnlyFinishedScoredOrNoticedInterviewsWithoutAPostedReport()
    {
        var a = CreateInstance();
        var now = Time.GetUtcNow();
        await a.Interviews.CreateAsync(Ended("iv-completed", InterviewStatus.Completed, now), CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-declined", InterviewStatus.Declined, now), CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-knocked", InterviewStatus.KnockedOut, now), CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-cancelled", InterviewStatus.Cancelled, now), CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-expired", InterviewStatus.Expired, now), CancellationToken.None);
        await a.Interviews.CreateAsync(StorageTestData.Interview("iv-open", conversationId: "c-open"), CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-posted", InterviewStatus.Completed, now), CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-unposted", InterviewStatus.Completed, now), CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-old", InterviewStatus.Completed, now.AddDays(-20), createdAt: now.AddDays(-20)), CancellationToken.None);
        await a.Reports.SaveAsync(StorageTestData.Report("iv-posted") with { PostedAt = now }, CancellationToken.None);
        await a.Reports.SaveAsync(StorageTestData.Report("iv-unposted") with { PostedAt = null }, CancellationToken.None);

        var listed = await a.Unposted.ListAsync(now.AddDays(-14), 100, CancellationToken.None);

        Assert.Equal(["iv-completed", "iv-declined", "iv-knocked", "iv-unposted"], listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NoticeAlreadyPosted_IsNotQueuedAgain()
    {
        var a = CreateInstance();
        var now = Time.GetUtcNow();
        var declined = Ended("iv-notice-posted", InterviewStatus.Declined, now);
        await a.Interviews.CreateAsync(declined, CancellationToken.None);
        await a.Interviews.CreateAsync(Ended("iv-notice-lost", InterviewStatus.Declined, now, candidateId: "U-other"), CancellationToken.None);
        await a.Posted.SaveAsync(
            new PostedMessage { CandidateId = declined.Candidate.Id, InterviewId = declined.Id, Kind = PostedMessageKind.Notice, Conversation = Hiring, MessageId = "m-notice", PostedAt = now },
            CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(11));

        var pass = await a.Sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new ScoringSweepPass(true, 1), pass);
        var job = Assert.Single(await a.Queue.ReceiveAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal("iv-notice-lost", job.Job.InterviewId);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(19, 1)]
    [InlineData(20, 2)]
    [InlineData(39, 2)]
    [InlineData(40, 3)]
    [InlineData(80, 4)]
    [InlineData(160, 5)]
    [InlineData(259, 5)]
    [InlineData(260, 6)]
    [InlineData(360, 7)]
    public void Attempt_WaitsDoubleFromTheGraceUpToTheLongestSpacing(int minutesSinceEnd, int expected) =>
        Assert.Equal(expected, ScoringSweep.Attempt(TimeSpan.FromMinutes(minutesSinceEnd), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(100)));

    private Interview Ended(string id, InterviewStatus status, DateTimeOffset endedAt, string candidateId = "U-candidate", DateTimeOffset? createdAt = null)
    {
        var interview = StorageTestData.Interview(id, conversationId: "c-" + id, candidateId: candidateId, profileId: SampleProfiles.Backend.Id, createdAt: createdAt ?? Time.GetUtcNow().AddMinutes(-40));
        return interview with { HiringConversation = Hiring, Record = interview.Record with { Status = status, EndedAt = endedAt } };
    }

    /// <summary>Jane's whole interview through <see cref="InterviewService"/> on instance <paramref name="instance"/>, whose queue refuses every job.</summary>
    private async Task<string> FinishInterviewWhileTheQueueIsDownAsync(Instance instance)
    {
        var dialog = new ScreeningDialog(new ScriptedJudge(), Time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        var service = new InterviewService(Profiles, instance.Interviews, instance.Transcripts, new DownQueue(), dialog, Time, NullLogger<InterviewService>.Instance);
        var conversation = new ConversationAddress { ChannelId = "msteams", ConversationId = "a:jane" };
        var started = await service.StartAsync(
            new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("U-jane", "Jane Doe"), conversation, new Participant("U-rita", "Rita"), Hiring),
            CancellationToken.None);
        Assert.Equal(StartInterviewStatus.Started, started.Status);
        var n = 0;
        foreach (var text in new[] { "yes", "6", "now", Strong, "I was on-call for the outage and wrote the postmortem; detection is now 2 minutes.", Strong, Strong, Strong })
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            await service.HandleMessageAsync(conversation.Key, new IncomingMessage(text, $"m-{n++}"), null, CancellationToken.None);
        }

        var stored = await instance.Interviews.FindByConversationAsync(conversation.Key, CancellationToken.None);
        Assert.Equal(InterviewStatus.Completed, stored!.Interview.Status);
        return stored.Interview.Id;
    }

    /// <summary>Both instances run the pass due now at once: how many of them owned it, and how many jobs they queued.</summary>
    private static async Task<(int Owners, int Requeued)> BothSweepAsync(Instance a, Instance b)
    {
        var results = await Task.WhenAll(a.Sweep.RunOnceAsync(CancellationToken.None), b.Sweep.RunOnceAsync(CancellationToken.None));
        return (results.Count(r => r.Owned), results.Sum(r => r.Requeued));
    }

    /// <summary>Both instances take jobs from the shared queue and run them, as their workers would; returns how many ran.</summary>
    private static async Task<int> DrainQueueAsync(Instance a, Instance b)
    {
        var worked = 0;
        foreach (var instance in new[] { a, b, a })
        {
            foreach (var job in await instance.Queue.ReceiveAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None))
            {
                await instance.Scoring.HandleAsync(job.Job, CancellationToken.None);
                await instance.Queue.CompleteAsync(job, CancellationToken.None);
                worked++;
            }
        }

        return worked;
    }

    /// <summary>One bot instance's stores, scoring handler and sweep.</summary>
    protected sealed class Instance
    {
        private int _looks;

        internal Instance(
            ScoringSweepContract test,
            IInterviewStore interviews,
            ITranscriptStore transcripts,
            IReportStore reports,
            IJobQueue queue,
            IProcessedMessageLedger ledger,
            IPostedMessageStore posted,
            IUnpostedInterviews unposted)
        {
            ArgumentNullException.ThrowIfNull(test);
            (Interviews, Transcripts, Reports, Queue, Posted, Unposted) = (interviews, transcripts, reports, queue, posted, unposted);
            Scoring = new ScoringJobHandler(interviews, transcripts, reports, ledger, test.Profiles, Publisher, test.Time, NullLogger<ScoringJobHandler>.Instance);
            Sweep = new ScoringSweep(new CountingUnposted(this, unposted), interviews, posted, queue, ledger, Options.Create(new ScoringSweepOptions()), test.Time, NullLogger<ScoringSweep>.Instance);
        }

        /// <summary>How many times this instance's sweep looked at the store (ran the unposted-interviews query).</summary>
        public int Looks => Volatile.Read(ref _looks);

        public IInterviewStore Interviews { get; }

        public ITranscriptStore Transcripts { get; }

        public IReportStore Reports { get; }

        public IJobQueue Queue { get; }

        public IPostedMessageStore Posted { get; }

        internal IUnpostedInterviews Unposted { get; }

        public RecordingPublisher Publisher { get; } = new();

        public ScoringJobHandler Scoring { get; }

        internal ScoringSweep Sweep { get; }

        /// <summary>The sweep's query, counted: each call is one look at the store.</summary>
        private sealed class CountingUnposted(Instance instance, IUnpostedInterviews inner) : IUnpostedInterviews
        {
            public Task<IReadOnlyList<string>> ListAsync(DateTimeOffset createdSince, int limit, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref instance._looks);
                return inner.ListAsync(createdSince, limit, cancellationToken);
            }
        }
    }

    /// <summary>The queue as it is when the interview ends: down, and staying down past the client's retries.</summary>
    private sealed class DownQueue : IJobQueue
    {
        public Task EnqueueAsync(ScoringJob job, CancellationToken cancellationToken) => throw new StorageUnavailableException("The queue is down (test).");

        public Task<IReadOnlyList<QueuedJob>> ReceiveAsync(int maxJobs, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => throw new StorageUnavailableException("The queue is down (test).");

        public Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken) => throw new StorageUnavailableException("The queue is down (test).");

        public Task ReleaseAsync(QueuedJob job, CancellationToken cancellationToken) => throw new StorageUnavailableException("The queue is down (test).");

        public Task MoveToPoisonAsync(QueuedJob job, string reason, CancellationToken cancellationToken) => throw new StorageUnavailableException("The queue is down (test).");
    }

    /// <summary>A fake clock that says when the code under test starts waiting on it (a timer is created).</summary>
    private sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _created;

        /// <summary>Timers created so far.</summary>
        public int TimersCreated
        {
            get
            {
                lock (_gate)
                {
                    return _created;
                }
            }
        }

        /// <summary>Completes when the next timer is created.</summary>
        public Task NextTimer() => WhenTimersCreated(TimersCreated + 1);

        /// <summary>Completes once <paramref name="count"/> timers have been created in all.</summary>
        public Task WhenTimersCreated(int count)
        {
            lock (_gate)
            {
                if (_created >= count)
                {
                    return Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task;
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            lock (_gate)
            {
                _created++;
                foreach (var waiter in _waiters.Where(w => w.Count <= _created).ToList())
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }

            return timer;
        }
    }
}
