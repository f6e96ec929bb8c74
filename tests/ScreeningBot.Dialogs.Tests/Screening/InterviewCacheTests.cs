using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>
/// The interviews an <see cref="InterviewService"/> keeps between turns (InterviewCache): a process reads an interview from
/// storage only when it has no copy or its copy lost an ETag race. Each service stands for one process and lives for the
/// whole test, so its cache does too; only the stores are shared.
/// </summary>
public sealed class InterviewCacheTests
{
    private static readonly ConversationAddress Address = new() { ChannelId = "msteams", ConversationId = "a:personal-jane" };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingInterviewStore _interviews = new(new InMemoryInterviewStore());
    private readonly InMemoryTranscriptStore _transcripts = new();

    [Fact]
    public async Task HandleMessage_OneProcessRunsEveryTurn_ReadsTheInterviewFromStorageNever()
    {
        var sut = CreateSut();
        var interviewId = await StartAsync(sut);

        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);
        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("5 years", "m-2"), CancellationToken.None);
        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("help", "m-3"), CancellationToken.None);

        Assert.Equal(0, _interviews.Reads);
        Assert.Equal(3, _interviews.Updates);
        var stored = await _interviews.GetAsync(interviewId, CancellationToken.None);
        Assert.Equal(["m-1", "m-2", "m-3"], stored!.Interview.Record.RecentMessageIds);
    }

    [Fact]
    public async Task HandleMessage_TwoProcessesTakeTurnsAboutWithCachedCopies_EachStaleCopyCostsOneConflictAndNothingIsLost()
    {
        var a = CreateSut();
        var b = CreateSut();
        var interviewId = await StartAsync(a);

        // A starts with a copy; B reads one; from then on each turn finds its process's copy one turn behind.
        var results = new[]
        {
            await a.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None),
            await b.HandleMessageAsync(Address.Key, new IncomingMessage("5 years", "m-2"), CancellationToken.None),
            await a.HandleMessageAsync(Address.Key, new IncomingMessage("help", "m-3"), CancellationToken.None),
            await b.HandleMessageAsync(Address.Key, new IncomingMessage("help", "m-4"), CancellationToken.None),
        };

        Assert.All(results, r => Assert.Equal(InterviewTurnStatus.Processed, r.Status));
        Assert.Equal(2, _interviews.Conflicts);
        Assert.Equal(3, _interviews.Reads);
        var stored = (await _interviews.GetAsync(interviewId, CancellationToken.None))!.Interview;
        Assert.Equal(["m-1", "m-2", "m-3", "m-4"], stored.Record.RecentMessageIds);
        Assert.Contains(stored.Record.Knockouts, k => k.KnockoutId == "api-years" && k.Passed);
        var transcript = await _transcripts.ReadAsync(interviewId, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, transcript.Count).Select(i => (long)i), transcript.Select(t => t.Sequence));
        Assert.Equal(["yes", "5 years", "help", "help"], transcript.Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text));
    }

    [Fact]
    public async Task HandleMessage_MessageTheOtherProcessTookAlready_IsADuplicateDespiteTheStaleCopy()
    {
        var a = CreateSut();
        var b = CreateSut();
        var interviewId = await StartAsync(a);

        // The channel redelivers m-1 to A after B took it: A's copy has never seen m-1.
        var taken = await b.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);
        var redelivered = await a.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);

        Assert.Equal(InterviewTurnStatus.Processed, taken.Status);
        Assert.Equal(InterviewTurnStatus.Duplicate, redelivered.Status);
        var transcript = await _transcripts.ReadAsync(interviewId, CancellationToken.None);
        Assert.Equal(["yes"], transcript.Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text));
    }

    [Fact]
    public async Task HandleMessage_InterviewCancelledByTheOtherProcess_EndedNotAnsweredOnTheStaleCopy()
    {
        var a = CreateSut();
        var interviewId = await StartAsync(a);
        await a.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);

        await CreateSut().CancelAsync(interviewId, CancellationToken.None);
        var result = await a.HandleMessageAsync(Address.Key, new IncomingMessage("5 years", "m-2"), CancellationToken.None);

        Assert.Equal(InterviewTurnStatus.AlreadyEnded, result.Status);
        var stored = (await _interviews.GetAsync(interviewId, CancellationToken.None))!.Interview;
        Assert.True(stored.Record.IsEnded);
        Assert.DoesNotContain("m-2", stored.Record.RecentMessageIds);
        Assert.DoesNotContain(stored.Record.Knockouts, k => k.KnockoutId == "api-years");
    }

    [Fact]
    public async Task HandleMessage_SaveFailsWithStorageDown_NextTurnReadsAfreshAndCarriesOn()
    {
        var sut = CreateSut();
        var interviewId = await StartAsync(sut);
        _interviews.FailNextUpdate = true;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None));
        var retried = await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);

        Assert.Equal(InterviewTurnStatus.Processed, retried.Status);
        Assert.Equal(1, _interviews.Reads);
        var stored = (await _interviews.GetAsync(interviewId, CancellationToken.None))!.Interview;
        Assert.Equal(["m-1"], stored.Record.RecentMessageIds);
    }

    [Fact]
    public async Task HandleMessage_CacheOfNoInterviews_ReadsEveryTurnFromStorage()
    {
        var sut = CreateSut(new InterviewOptions { CachedInterviews = 0 });
        await StartAsync(sut);

        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);
        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("5 years", "m-2"), CancellationToken.None);

        Assert.Equal(2, _interviews.Reads);
        Assert.Equal(0, _interviews.Conflicts);
    }

    private InterviewService CreateSut(InterviewOptions? options = null)
    {
        var dialog = new ScreeningDialog(new RubricJudge(), _time, options ?? new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        return new InterviewService(new StaticProfileSource(SampleProfiles.Backend), _interviews, _transcripts, new InMemoryJobQueue(_time), dialog, _time, NullLogger<InterviewService>.Instance);
    }

    /// <summary>Starts the interview through <paramref name="sut"/> (which looks for one in progress first), then counts from zero.</summary>
    private async Task<string> StartAsync(InterviewService sut)
    {
        var result = await sut.StartAsync(new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("29:jane", "Jane Doe"), Address, null, null), CancellationToken.None);
        Assert.Equal(StartInterviewStatus.Started, result.Status);
        _interviews.ResetCounts();
        return result.Interview!.Id;
    }

    /// <summary>Counts what the services ask of storage (reads by conversation, saves, ETag conflicts); fails one save on demand.</summary>
    private sealed class CountingInterviewStore(IInterviewStore inner) : IInterviewStore
    {
        private int _reads;
        private int _updates;
        private int _conflicts;

        public int Reads => Volatile.Read(ref _reads);

        public int Updates => Volatile.Read(ref _updates);

        public int Conflicts => Volatile.Read(ref _conflicts);

        public bool FailNextUpdate { get; set; }

        public void ResetCounts() => (_reads, _updates, _conflicts) = (0, 0, 0);

        public async Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken)
        {
            if (FailNextUpdate)
            {
                FailNextUpdate = false;
                throw new StorageUnavailableException("Injected: storage went down mid-turn.");
            }

            try
            {
                var saved = await inner.UpdateAsync(current, updated, cancellationToken);
                Interlocked.Increment(ref _updates);
                return saved;
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.FindByConversationAsync(conversationKey, cancellationToken);
        }

        public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken) => inner.CreateAsync(interview, cancellationToken);

        public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken) => inner.GetAsync(interviewId, cancellationToken);

        public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken) => inner.ListAsync(query, limit, cancellationToken);

        public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken) => inner.DeleteAsync(interviewId, cancellationToken);
    }
}
