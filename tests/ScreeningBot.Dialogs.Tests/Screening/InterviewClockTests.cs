using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>
/// The profile's <c>durationMinutes</c> bounds the interview (issue 22): whole interviews driven by a fake clock, on
/// <see cref="SampleProfiles.Backend"/> (30 minutes: two custom questions, then a deep-dive with two follow-ups).
/// </summary>
public sealed class InterviewClockTests
{
    private const string StrongApi = "I designed a REST API for billing with cursor pagination and versioned media types. It served 2k requests per second.";
    private const string StrongIncident = "I was on call when checkout latency spiked after a deploy. I rolled back within six minutes and wrote the postmortem.";
    private const string StrongCache = "We cached the catalogue in Redis with a five minute TTL. Product updates deleted the key through an outbox event.";
    private const string StrongInvalidation = "Writes publish an outbox event and a consumer deletes the key, so a lost invalidation is retried until it lands.";
    private const string WrapUp = "We've reached the time planned for this screen (30 minutes)";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Clock_PlannedTimeUsedBeforeTheDeepDive_WrapsUpPolitelyAndScorecardSaysNotReachedForTime()
    {
        IReadOnlyList<TranscriptTurn> transcript = [];
        Interview? ended = null;

        await ThroughKnockouts(new FakeTimeProvider(Start))
            .AdvanceTime(TimeSpan.FromMinutes(19)).Send(StrongApi)
            .AssertReplyContains("Question 2 of 2")
            .AdvanceTime(TimeSpan.FromMinutes(12)).Send(StrongIncident)
            .AssertReplyContains(WrapUp)
            .AssertReply("That's everything, Jane. Thank you for your time and thoughtful answers! The hiring team will review the screen and get back to you.")
            .AssertNoMoreReplies()
            .AssertRecord(r =>
            {
                Assert.Equal(InterviewStatus.Completed, r.Status);
                Assert.Equal(TimeSpan.FromMinutes(31), r.TimeUsed);
                Assert.Equal(["cache", "cache.f1", "cache.f2"], r.NotReachedForTime);
                Assert.Equal(["api", "incident"], r.Answers.Select(a => a.QuestionId));
            })
            .AssertTranscript(t => transcript = t)
            .AssertInterview(i => ended = i)
            .RunAsync();

        var scorecard = ScorecardBuilder.Build(SampleProfiles.Backend, ended!, transcript);
        Assert.Equal(
            [("cache", CoverageGapReason.NotReachedForTime), ("cache.f1", CoverageGapReason.NotReachedForTime), ("cache.f2", CoverageGapReason.NotReachedForTime)],
            scorecard.Breakdown!.Gaps.Select(g => (g.QuestionId, g.Reason)));
    }

    [Fact]
    public async Task Clock_TimeUpBetweenDeepDiveFollowUps_TakesTheAnswerInProgressAndLeavesOutTheRest()
    {
        await ThroughKnockouts(new FakeTimeProvider(Start))
            .AdvanceTime(TimeSpan.FromMinutes(4)).Send(StrongApi).SkipReplies(1)
            .AdvanceTime(TimeSpan.FromMinutes(4)).Send(StrongIncident).SkipReplies(2)
            .AdvanceTime(TimeSpan.FromMinutes(10)).Send(StrongCache)
            .AssertReplyContains("Follow-up 1 of 2")
            .AdvanceTime(TimeSpan.FromMinutes(14)).Send(StrongInvalidation)
            .AssertReplyContains(WrapUp)
            .AssertReplyContains("That's everything, Jane")
            .AssertNoMoreReplies()
            .AssertRecord(r =>
            {
                Assert.Equal(InterviewStatus.Completed, r.Status);
                Assert.Equal(["api", "incident", "cache", "cache.f1"], r.Answers.Select(a => a.QuestionId));
                Assert.Equal(["cache.f2"], r.NotReachedForTime);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Clock_RunningOut_DropsTheAdaptiveFollowUpButStillAsksTheNextQuestion()
    {
        // 25 of 30 minutes: less than a fifth left. The same vague answer gets its follow-up with time to spare
        // (ScreeningDialogTests.CustomQuestion_VagueAnswer_GetsAdaptiveFollowUpAimedAtTheGap).
        await ThroughKnockouts(new FakeTimeProvider(Start), new InterviewOptions { MaxCountedAnswerMinutes = 60 })
            .AdvanceTime(TimeSpan.FromMinutes(25)).Send("It was a vague sort of API, pretty standard.")
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(r => Assert.Equal(0, Assert.Single(r.Answers).FollowUpsAsked))
            .RunAsync();
    }

    [Fact]
    public async Task Clock_WithTimeToSpare_AsksTheAdaptiveFollowUp()
    {
        await ThroughKnockouts(new FakeTimeProvider(Start))
            .AdvanceTime(TimeSpan.FromMinutes(5)).Send("It was a vague sort of API, pretty standard.")
            .AssertReply("What did you measure to know the API worked well?")
            .RunAsync();
    }

    [Fact]
    public async Task Clock_PausedTimeIsNotCounted()
    {
        await ThroughKnockouts(new FakeTimeProvider(Start))
            .AdvanceTime(TimeSpan.FromMinutes(2)).Send("pause").AssertReplyContains("Paused")
            .AdvanceTime(TimeSpan.FromHours(3)).Send("resume").AssertReplyContains("Welcome back").AssertReplyContains("Question 1 of 2")
            .AdvanceTime(TimeSpan.FromMinutes(5)).Send(StrongApi)
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(r => Assert.Equal(TimeSpan.FromMinutes(7), r.TimeUsed))
            .RunAsync();
    }

    [Fact]
    public async Task Clock_CandidateWalkedAwayWithoutPausing_CountsAtMostTheCapAndCarriesOn()
    {
        await ThroughKnockouts(new FakeTimeProvider(Start), new InterviewOptions { MaxCountedAnswerMinutes = 20 })
            .AdvanceTime(TimeSpan.FromHours(5)).Send(StrongApi)
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(r =>
            {
                Assert.Equal(TimeSpan.FromMinutes(20), r.TimeUsed);
                Assert.Empty(r.NotReachedForTime);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Clock_ConsentAndTheWelcomeAreNotCounted()
    {
        await new ConversationFlow(SampleProfiles.Backend, new FakeTimeProvider(Start))
            .Start().SkipReplies(2)
            .AdvanceTime(TimeSpan.FromDays(2)).Click("yes").SkipReplies(3)
            .AdvanceTime(TimeSpan.FromMinutes(1)).Send("5 years")
            .AssertReplyContains("When could you start?")
            .AssertRecord(r => Assert.Equal(TimeSpan.FromMinutes(1), r.TimeUsed))
            .RunAsync();
    }

    [Fact]
    public async Task Clock_GermanInterview_WrapsUpInGerman()
    {
        var profile = SampleProfiles.Backend with { Language = "de", ContentHash = "clock-de" };

        await new ConversationFlow(profile, new FakeTimeProvider(Start))
            .Start().SkipReplies(2)
            .Click("yes").SkipReplies(3)
            .Send("5").SkipReplies(1)
            .Send("in 2 Wochen").SkipReplies(2)
            .AdvanceTime(TimeSpan.FromMinutes(19)).Send(StrongApi).SkipReplies(1)
            .AdvanceTime(TimeSpan.FromMinutes(12)).Send(StrongIncident)
            .AssertReplyContains("Wir haben die für dieses Screening vorgesehene Zeit (30 Minuten) erreicht")
            .AssertReplyContains("Das war's schon, Jane")
            .AssertNoMoreReplies()
            .RunAsync();
    }

    /// <summary>Consent given and both knockouts passed at once; the next reply is the first custom question.</summary>
    private static ConversationFlow ThroughKnockouts(FakeTimeProvider time, InterviewOptions? options = null) =>
        new ConversationFlow(SampleProfiles.Backend, time, options: options)
            .Start().SkipReplies(2)
            .Click("yes").SkipReplies(3)
            .Send("5 years").SkipReplies(1)
            .Send("in 2 weeks")
            .AssertReplyContains("two questions about your experience")
            .AssertReplyContains("Question 1 of 2");
}
