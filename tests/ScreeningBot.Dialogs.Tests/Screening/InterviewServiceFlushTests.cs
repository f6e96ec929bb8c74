using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>Transcript lines: written exactly once, and not rewritten when this process already saw them stored.</summary>
public sealed class InterviewServiceFlushTests
{
    private static readonly ConversationAddress Address = new() { ChannelId = "test", ConversationId = "c1" };

    /// <summary>A transcript store whose next append fails as if storage were down, then recovers.</summary>
    private sealed class FlakyTranscriptStore : ITranscriptStore
    {
        private readonly InMemoryTranscriptStore _inner = new();

        public int FailuresLeft { get; set; }

        public int Appends { get; private set; }

        public Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
        {
            Appends++;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new StorageUnavailableException("the transcript table is unreachable");
            }

            return _inner.AppendAsync(interviewId, turns, cancellationToken);
        }

        public Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken) => _inner.ReadAsync(interviewId, cancellationToken);

        public Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken) => _inner.DeleteAsync(interviewId, cancellationToken);
    }

    private static InterviewService CreateSut(FlakyTranscriptStore transcripts, InMemoryInterviewStore interviews, FakeTimeProvider time) =>
        new(new StaticProfileSource(SampleProfiles.Backend), interviews, transcripts, new InMemoryJobQueue(time), new ScreeningDialog(new ScriptedJudge(), time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance), time, NullLogger<InterviewService>.Instance);

    [Fact]
    public async Task HandleMessageAsync_TranscriptWriteFailed_LinesAreWrittenByTheNextTurnExactlyOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var transcripts = new FlakyTranscriptStore();
        var interviews = new InMemoryInterviewStore();
        var sut = CreateSut(transcripts, interviews, time);
        var id = (await sut.StartAsync(new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("u", "Jane"), Address, null, null), CancellationToken.None)).Interview!.Id;

        transcripts.FailuresLeft = 1;
        var first = await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m1"), CancellationToken.None);
        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("5", "m2"), CancellationToken.None);

        Assert.Equal(InterviewTurnStatus.Processed, first.Status);
        var turns = await transcripts.ReadAsync(id, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, turns.Count).Select(i => (long)i), turns.Select(t => t.Sequence));
        Assert.Single(turns, t => t.Speaker == Speaker.Candidate && t.Text == "yes");
        Assert.Single(turns, t => t.Speaker == Speaker.Candidate && t.Text == "5");
    }

    [Fact]
    public async Task HandleMessageAsync_PreviousLinesKnownStored_AreNotWrittenAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var transcripts = new FlakyTranscriptStore();
        var sut = CreateSut(transcripts, new InMemoryInterviewStore(), time);
        await sut.StartAsync(new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("u", "Jane"), Address, null, null), CancellationToken.None);
        var afterStart = transcripts.Appends;

        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m1"), CancellationToken.None);
        await sut.HandleMessageAsync(Address.Key, new IncomingMessage("5", "m2"), CancellationToken.None);

        // One append per turn: the previous turn's lines are not rewritten when this process saw them stored.
        Assert.Equal(afterStart + 2, transcripts.Appends);
    }

    [Fact]
    public async Task HandleMessageAsync_NewProcess_RewritesThePreviousLinesBecauseItCannotKnow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var transcripts = new FlakyTranscriptStore();
        var interviews = new InMemoryInterviewStore();
        await CreateSut(transcripts, interviews, time).StartAsync(new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("u", "Jane"), Address, null, null), CancellationToken.None);
        var restarted = CreateSut(transcripts, interviews, time);
        var before = transcripts.Appends;

        await restarted.HandleMessageAsync(Address.Key, new IncomingMessage("yes", "m1"), CancellationToken.None);

        Assert.Equal(before + 2, transcripts.Appends);
    }
}
