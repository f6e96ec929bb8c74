using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Scoring;

public sealed class ScoringJobHandlerTests
{
    private const string Strong = "I designed a REST API for billing with cursor pagination and versioned media types. It served 2k requests per second.";

    private static async Task<(ConversationStores Stores, FakeTimeProvider Time)> FinishedInterviewAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var stores = await new ConversationFlow(SampleProfiles.Backend, time)
            .Start().Send("yes").Send("6").Send("now")
            .Send(Strong).Send("I was on-call for the outage and wrote the postmortem; detection is now 2 minutes.")
            .Send(Strong).Send(Strong).Send(Strong)
            .AssertRecord(s => Assert.Equal(ScreeningBot.Dialogs.Waterfall.InterviewStatus.Completed, s.Status))
            .RunAsync();
        return (stores, time);
    }

    private static ScoringJobHandler CreateSut(ConversationStores stores, IReportStore reports, IScorecardPublisher publisher, TimeProvider time) =>
        new(stores.Interviews, stores.Transcripts, reports, stores.Profiles, publisher, time, NullLogger<ScoringJobHandler>.Instance);

    [Fact]
    public async Task HandleAsync_JobDeliveredTwice_PostsOneScorecard()
    {
        var (stores, time) = await FinishedInterviewAsync();
        var publisher = new RecordingPublisher();
        var reports = new InMemoryReportStore();
        var sut = CreateSut(stores, reports, publisher, time);
        var job = Assert.Single(await stores.Jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None)).Job;

        await sut.HandleAsync(job, CancellationToken.None);
        await sut.HandleAsync(job, CancellationToken.None);

        var (interview, scorecard) = Assert.Single(publisher.Posted);
        Assert.Equal(job.InterviewId, interview.Id);
        Assert.Equal("Jane Doe", scorecard.CandidateName);
        var report = await reports.GetAsync(job.InterviewId, CancellationToken.None);
        Assert.Equal("posted-1", report!.PostedMessageId);
        Assert.NotNull(report.PostedAt);
    }

    [Fact]
    public async Task HandleAsync_PublishFails_ThrowsAndPostsOnRetryWithoutRebuilding()
    {
        var (stores, time) = await FinishedInterviewAsync();
        var publisher = new RecordingPublisher { FailNextWith = new HttpRequestException("Slack is down") };
        var reports = new InMemoryReportStore();
        var sut = CreateSut(stores, reports, publisher, time);
        var job = (await stores.Jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Job;

        await Assert.ThrowsAsync<HttpRequestException>(() => sut.HandleAsync(job, CancellationToken.None));
        var built = await reports.GetAsync(job.InterviewId, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        await sut.HandleAsync(job, CancellationToken.None);

        Assert.Single(publisher.Posted);
        Assert.Equal(built!.CreatedAt, (await reports.GetAsync(job.InterviewId, CancellationToken.None))!.CreatedAt);
    }

    [Fact]
    public async Task HandleAsync_InterviewForgotten_DoesNothing()
    {
        var (stores, time) = await FinishedInterviewAsync();
        var publisher = new RecordingPublisher();
        var job = (await stores.Jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Job;
        await stores.Interviews.DeleteAsync(job.InterviewId, CancellationToken.None);

        await CreateSut(stores, new InMemoryReportStore(), publisher, time).HandleAsync(job, CancellationToken.None);

        Assert.Empty(publisher.Posted);
    }

    [Fact]
    public async Task HandleAsync_ScorecardUsesTheTranscriptForQuotes()
    {
        var (stores, time) = await FinishedInterviewAsync();
        var publisher = new RecordingPublisher();
        var job = (await stores.Jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Job;

        await CreateSut(stores, new InMemoryReportStore(), publisher, time).HandleAsync(job, CancellationToken.None);

        var scorecard = publisher.Posted[0].Scorecard;
        Assert.True(scorecard.Competencies.Single().Passed);
        Assert.Contains("on-call", scorecard.Competencies[0].Evidence, StringComparison.Ordinal);
        Assert.Equal(100, scorecard.CoveragePercent);
    }
    [Fact]
    public async Task HandleAsync_Narrator_ItsNarrativeIsStoredAndPosted()
    {
        var (stores, time) = await FinishedInterviewAsync();
        var publisher = new RecordingPublisher();
        var reports = new InMemoryReportStore();
        var narrator = new DelegateNarrator((card, _) => Task.FromResult(card with { Summary = "Narrated summary.", Rationale = "Because." }));
        var sut = new ScoringJobHandler(stores.Interviews, stores.Transcripts, reports, stores.Profiles, publisher, narrator, time, NullLogger<ScoringJobHandler>.Instance);
        var job = (await stores.Jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Job;

        await sut.HandleAsync(job, CancellationToken.None);

        var (_, posted) = Assert.Single(publisher.Posted);
        Assert.Equal(("Narrated summary.", "Because."), (posted.Summary, posted.Rationale));
        Assert.Equal("Narrated summary.", (await reports.GetAsync(job.InterviewId, CancellationToken.None))!.Scorecard.Summary);
    }

    [Fact]
    public async Task HandleAsync_NarratorThrows_PostsTheTemplateScorecardNotingIt()
    {
        var (stores, time) = await FinishedInterviewAsync();
        var publisher = new RecordingPublisher();
        var narrator = new DelegateNarrator((_, _) => throw new InvalidOperationException("model exploded"));
        var sut = new ScoringJobHandler(stores.Interviews, stores.Transcripts, new InMemoryReportStore(), stores.Profiles, publisher, narrator, time, NullLogger<ScoringJobHandler>.Instance);
        var template = CreateSut(stores, new InMemoryReportStore(), new RecordingPublisher(), time);
        var job = (await stores.Jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Job;
        var interview = (await stores.Interviews.GetAsync(job.InterviewId, CancellationToken.None))!.Interview;
        var expected = (await template.BuildAsync(interview, CancellationToken.None)).Scorecard;

        await sut.HandleAsync(job, CancellationToken.None);

        var (_, posted) = Assert.Single(publisher.Posted);
        Assert.Equal(expected.Summary, posted.Summary);
        Assert.Equal(expected.CompositeScore, posted.CompositeScore);
        Assert.Equal($"{expected.JudgeDescription}; narrative from the offline template (the narrator failed: InvalidOperationException)", posted.JudgeDescription);
    }

    [Fact]
    public async Task HandleAsync_CancelledWhileNarrating_Throws()
    {
        var (stores, time) = await FinishedInterviewAsync();
        using var cancellation = new CancellationTokenSource();
        var narrator = new DelegateNarrator(async (card, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return card;
        });
        var sut = new ScoringJobHandler(stores.Interviews, stores.Transcripts, new InMemoryReportStore(), stores.Profiles, new RecordingPublisher(), narrator, time, NullLogger<ScoringJobHandler>.Instance);
        var job = (await stores.Jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None))[0].Job;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.HandleAsync(job, cancellation.Token));
    }

    private sealed class DelegateNarrator(Func<Scorecard, CancellationToken, Task<Scorecard>> narrate) : IScorecardNarrator
    {
        public Task<Scorecard> NarrateAsync(Profile profile, Interview interview, Scorecard scorecard, IReadOnlyList<TranscriptTurn> transcript, CancellationToken cancellationToken) =>
            narrate(scorecard, cancellationToken);
    }
}
