using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>
/// The two windows the process-level durability tests cannot hit on purpose, pinned here: a process that dies between
/// saving the state and writing the transcript, and two processes (two services, two in-process locks) whose turns on
/// one interview interleave. Each <see cref="InterviewService"/> stands for one process; only the stores are shared.
/// </summary>
public sealed class InterviewServiceTests
{
    private static readonly ConversationAddress Address = new() { ChannelId = "msteams", ConversationId = "a:personal-jane" };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly StaticProfileSource _profiles = new(SampleProfiles.Backend);
    private readonly InMemoryInterviewStore _interviews = new();
    private readonly InMemoryTranscriptStore _transcripts = new();

    [Fact]
    public async Task HandleMessage_ProcessDiesBetweenSaveAndTranscriptWrite_NextProcessWritesTheLinesOnce()
    {
        var dying = new DyingTranscriptStore(_transcripts);
        var interviewId = await StartAsync(CreateSut(transcripts: dying));
        dying.DieOnNextAppend = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateSut(transcripts: dying).HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None));
        var afterCrash = await _transcripts.ReadAsync(interviewId, CancellationToken.None);
        var sut = CreateSut();
        var redelivered = await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);
        var next = await sut.HandleMessageAsync(Address.Key, new IncomingMessage("5 years", "m-2"), CancellationToken.None);

        Assert.DoesNotContain(afterCrash, t => t.Speaker == Speaker.Candidate);
        Assert.Equal(InterviewTurnStatus.Duplicate, redelivered.Status);
        Assert.Equal(InterviewTurnStatus.Processed, next.Status);
        var transcript = await _transcripts.ReadAsync(interviewId, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, transcript.Count).Select(i => (long)i), transcript.Select(t => t.Sequence));
        Assert.Equal(["yes", "5 years"], transcript.Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text));
    }

    [Fact]
    public async Task HandleMessage_TwoProcessesInterleaveOnOneInterview_LoserRerunsOnFreshStateAndNothingIsLost()
    {
        var gated = new GatedInterviewStore(_interviews);
        var interviewId = await StartAsync(CreateSut());
        await CreateSut().HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);
        gated.HoldNextUpdate();

        // Process A has loaded the interview and is about to save its answer when process B's "help" turn commits.
        var answer = CreateSut(gated).HandleMessageAsync(Address.Key, new IncomingMessage("5 years", "m-2"), CancellationToken.None);
        await gated.UpdateHeld;
        var help = await CreateSut(gated).HandleMessageAsync(Address.Key, new IncomingMessage("help", "m-3"), CancellationToken.None);
        gated.Release();
        var answered = await answer;

        Assert.Equal(InterviewTurnStatus.Processed, help.Status);
        Assert.Equal(InterviewTurnStatus.Processed, answered.Status);
        Assert.Equal(1, gated.Conflicts);
        var stored = await _interviews.GetAsync(interviewId, CancellationToken.None);
        Assert.Equal(["m-1", "m-3", "m-2"], stored!.Interview.Record.RecentMessageIds);
        Assert.Contains(stored.Interview.Record.Knockouts, k => k.KnockoutId == "api-years" && k.Passed);
        var transcript = await _transcripts.ReadAsync(interviewId, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, transcript.Count).Select(i => (long)i), transcript.Select(t => t.Sequence));
        Assert.Equal(["yes", "help", "5 years"], transcript.Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text));
    }

    [Fact]
    public async Task HandleMessage_AdmitRefuses_AnswersRefusedAndChangesNothing()
    {
        var sut = CreateSut();
        var interviewId = await StartAsync(sut);
        var before = await _interviews.GetAsync(interviewId, CancellationToken.None);
        Interview? asked = null;

        var result = await sut.HandleMessageAsync(Address.Key, new IncomingMessage("no", "m-1"), interview => (asked = interview) is null, CancellationToken.None);

        Assert.Equal(InterviewTurnStatus.Refused, result.Status);
        Assert.Empty(result.Replies);
        Assert.Equal(interviewId, asked!.Id);
        var after = await _interviews.GetAsync(interviewId, CancellationToken.None);
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.DoesNotContain(await _transcripts.ReadAsync(interviewId, CancellationToken.None), t => t.Speaker == Speaker.Candidate);
    }

    [Fact]
    public async Task HandleMessage_RedeliveryOfATakenMessage_IsADuplicateWithoutAskingTheRule()
    {
        var sut = CreateSut();
        await StartAsync(sut);
        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), CancellationToken.None);
        var asked = 0;

        var redelivered = await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), _ => ++asked < 0, CancellationToken.None);

        Assert.Equal(InterviewTurnStatus.Duplicate, redelivered.Status);
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task HandleMessage_AdmitAllows_RunsTheTurn()
    {
        var sut = CreateSut();
        await StartAsync(sut);

        var result = await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m-1"), _ => true, CancellationToken.None);

        Assert.Equal(InterviewTurnStatus.Processed, result.Status);
        Assert.NotEmpty(result.Replies);
    }

    private InterviewService CreateSut(IInterviewStore? interviews = null, ITranscriptStore? transcripts = null)
    {
        var dialog = new ScreeningDialog(new RubricJudge(), _time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        return new InterviewService(_profiles, interviews ?? _interviews, transcripts ?? _transcripts, new InMemoryJobQueue(_time), dialog, _time, NullLogger<InterviewService>.Instance);
    }

    private static async Task<string> StartAsync(InterviewService sut)
    {
        var result = await sut.StartAsync(new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("29:jane", "Jane Doe"), Address, null, null), CancellationToken.None);
        Assert.Equal(StartInterviewStatus.Started, result.Status);
        return result.Interview!.Id;
    }

    /// <summary>A transcript store whose process dies, on demand, as the turn's lines are about to be written.</summary>
    private sealed class DyingTranscriptStore(ITranscriptStore inner) : ITranscriptStore
    {
        public bool DieOnNextAppend { get; set; }

        public Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
        {
            if (DieOnNextAppend && turns.Any(t => t.Speaker == Speaker.Candidate))
            {
                // The process ends here: nothing catches this, so nothing after it runs.
                DieOnNextAppend = false;
                throw new InvalidOperationException("The process died before writing the transcript.");
            }

            return inner.AppendAsync(interviewId, turns, cancellationToken);
        }

        public Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken) => inner.ReadAsync(interviewId, cancellationToken);

        public Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken) => inner.DeleteAsync(interviewId, cancellationToken);
    }

    /// <summary>An interview store that holds the next save until released, and counts the ETag conflicts it passes on.</summary>
    private sealed class GatedInterviewStore(IInterviewStore inner) : IInterviewStore
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _hold;

        public Task UpdateHeld => _held.Task;

        public int Conflicts { get; private set; }

        public void HoldNextUpdate() => _hold = 1;

        public void Release() => _release.TrySetResult();

        public async Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _hold, 0) == 1)
            {
                _held.TrySetResult();
                await _release.Task;
            }

            try
            {
                return await inner.UpdateAsync(current, updated, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                Conflicts++;
                throw;
            }
        }

        public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken) => inner.CreateAsync(interview, cancellationToken);

        public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken) => inner.GetAsync(interviewId, cancellationToken);

        public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken) => inner.FindByConversationAsync(conversationKey, cancellationToken);

        public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken) => inner.ListAsync(query, limit, cancellationToken);

        public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken) => inner.DeleteAsync(interviewId, cancellationToken);
    }
}
