using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

public sealed class ScreeningDialogTests
{
    private const string Strong = "I designed a REST API for billing with cursor pagination and versioned media types. It served 2k requests per second.";

    // Other strong answers: the same answer given to two questions is a repeat (TurnIntegrity), not what these flows test.
    private const string StrongIncident = "I was on call when checkout latency spiked after a deploy. I rolled back within six minutes and wrote the postmortem.";
    private const string StrongCache = "We cached the catalogue in Redis with a five minute TTL. Product updates deleted the key through an outbox event.";
    private const string StrongQueue = "Slow PDF exports moved to a queue with four idempotent workers. Timeouts fell from three percent to zero.";
    private const string StrongStampede = "Hot keys expired together under load. I added request coalescing with a short per-key lock and jittered expiry.";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static FakeTimeProvider Time() => new(Start);

    /// <summary>Consent given and both knockouts passed; the next reply is the first custom question.</summary>
    private static ConversationFlow ThroughKnockouts(FakeTimeProvider time, ScriptedJudge? judge = null, Profile? profile = null) =>
        new ConversationFlow(profile ?? SampleProfiles.Backend, time, judge)
            .Start()
            .AssertReplyContains("Hi Jane")
            .AssertReply(r => r.Choices.Count == 2 && r.Text.Contains("agree", StringComparison.Ordinal), "the consent question with Yes/No buttons")
            .Click("yes")
            .AssertReply("Thank you! Let's begin.")
            .AssertReplyContains("a few quick questions")
            .AssertReplyContains("How many years")
            .Send("5 years")
            .AssertReplyContains("When could you start?")
            .Send("in 2 weeks")
            .AssertReplyContains("two questions about your experience")
            .AssertReplyContains("Question 1 of 2");

    [Fact]
    public async Task HappyPath_AllPhases_CompletesAndEnqueuesScoring()
    {
        var stores = await ThroughKnockouts(Time())
            .Send(Strong).AssertReplyContains("Question 2 of 2")
            .Send("We had an outage of the payments queue; I led the on-call response and wrote the postmortem.")
            .AssertReplyContains("design deep-dive")
            .AssertReplyContains("How would you add caching")
            .Send("Cache-aside in Redis with a TTL of five minutes, warmed on deploy.").AssertReplyContains("Follow-up 1 of 2")
            .Send("Delete the key on write through the outbox so the invalidation is never lost.").AssertReplyContains("Follow-up 2 of 2")
            .Send("Request coalescing with a per-key lock and jittered TTLs prevents the stampede.").AssertReplyContains("That's everything, Jane")
            .AssertNoMoreReplies()
            .AssertInterview(i =>
            {
                Assert.Equal(InterviewStatus.Completed, i.Record.Status);
                Assert.Equal(["api", "incident", "cache", "cache.f1", "cache.f2"], i.Record.Answers.Select(a => a.QuestionId));
                Assert.All(i.Record.Knockouts, k => Assert.True(k.Passed));
                Assert.Null(i.Position.Pending);
            })
            .RunAsync();

        Assert.Equal(1, stores.Jobs.Count);
    }

    [Fact]
    public async Task Welcome_ShowsTheBriefButNeverTheInstructionsMeantForTheBot()
    {
        var profile = SampleProfiles.Backend with { CompanyInstructions = "Do not discuss salary; say a recruiter will cover it.", ContentHash = "with-instructions" };

        await new ConversationFlow(profile, Time())
            .Start()
            .AssertReply(r => r.Text.Contains("You'll build and run the APIs", StringComparison.Ordinal) && !r.Text.Contains("salary", StringComparison.OrdinalIgnoreCase), "a welcome with the brief and without the bot's instructions")
            .RunAsync();
    }

    [Fact]
    public async Task Knockout_FailedRule_EndsScreenPolitelyWithoutRevealingTheRule()
    {
        var stores = await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("two")
            .AssertReply(r => r.Text.Contains("will review your answers against the role's requirements and get back to you", StringComparison.Ordinal) && !r.Text.Contains('3', StringComparison.Ordinal), "a polite close that does not mention the threshold")
            .AssertNoMoreReplies()
            .AssertRecord(s =>
            {
                Assert.Equal(InterviewStatus.KnockedOut, s.Status);
                Assert.Equal(new KnockoutResult("api-years", "2", Passed: false), Assert.Single(s.Knockouts));
            })
            .Send("hello?").AssertReplyContains("has finished")
            .RunAsync();

        Assert.Equal(1, stores.Jobs.Count);
    }

    [Fact]
    public async Task Knockout_LateStartDate_FailsDateRule()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("10").SkipReplies(1)
            .Send("in 3 months")
            .AssertReplyContains("will review your answers against the role's requirements and get back to you")
            .AssertRecord(s => Assert.Equal(InterviewStatus.KnockedOut, s.Status))
            .RunAsync();
    }

    [Fact]
    public async Task Consent_Declined_EndsWithDeclined()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("no thanks")
            .AssertReplyContains("No problem at all")
            .AssertNoMoreReplies()
            .AssertRecord(s => Assert.Equal(InterviewStatus.Declined, s.Status))
            .RunAsync();
    }

    [Fact]
    public async Task CustomQuestion_VagueAnswer_GetsAdaptiveFollowUpAimedAtTheGap()
    {
        var judge = new ScriptedJudge();
        await ThroughKnockouts(Time(), judge)
            .Send("It was a vague sort of API, pretty standard.")
            .AssertReply("What did you measure to know the API worked well?")
            .Send(Strong)
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(s =>
            {
                var api = Assert.Single(s.Answers);
                Assert.Equal(1, api.FollowUpsAsked);
                Assert.Equal(4.5, api.Judgment.Depth);
            })
            .RunAsync();

        // The follow-up answer is judged together with the first answer.
        Assert.Contains(judge.Requests, r => r.Question.QuestionId == "api" && r.Answer.Contains("vague", StringComparison.Ordinal) && r.Answer.Contains("billing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CustomQuestion_StrongAnswer_GetsNoFollowUp()
    {
        await ThroughKnockouts(Time())
            .Send(Strong)
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(s => Assert.Equal(0, Assert.Single(s.Answers).FollowUpsAsked))
            .RunAsync();
    }

    [Fact]
    public async Task CustomQuestion_TemplateLimit_StopsFollowUpsAfterOneOnQuickTemplate()
    {
        await ThroughKnockouts(Time())
            .Send("vague one")
            .AssertReplyContains("What did you measure")
            .Send("still vague, sorry")
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(s => Assert.Equal(1, Assert.Single(s.Answers).FollowUpsAsked))
            .RunAsync();
    }

    [Fact]
    public async Task Blueprint_FollowUps_AlwaysAskedInOrderEvenAfterASkippedFollowUp()
    {
        await ThroughKnockouts(Time())
            .Send(Strong).SkipReplies(1)
            .Send(StrongIncident).SkipReplies(2)
            .Send(StrongCache)
            .AssertReply("**Follow-up 1 of 2.** How do you invalidate?")
            .Send("skip")
            .AssertReply("**Follow-up 2 of 2.** What happens on a cache stampede?")
            .Send(StrongStampede)
            .AssertReplyContains("That's everything")
            .AssertRecord(s =>
            {
                var f1 = s.Answers.Single(a => a.QuestionId == "cache.f1");
                Assert.True(f1.Skipped);
                Assert.Equal(0, f1.Judgment.Depth);
                Assert.Equal(QuestionKind.BlueprintFollowUp, s.Answers.Single(a => a.QuestionId == "cache.f2").Kind);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Blueprint_SkippedDeepDive_SkipsItsFollowUpsAndRecordsThemSkipped()
    {
        await ThroughKnockouts(Time())
            .Send(Strong).SkipReplies(1)
            .Send(StrongIncident).SkipReplies(2)
            .Send("skip")
            .AssertReplyContains("That's everything")
            .AssertNoMoreReplies()
            .AssertRecord(s =>
            {
                Assert.Equal(InterviewStatus.Completed, s.Status);
                Assert.Equal(["api", "incident", "cache", "cache.f1", "cache.f2"], s.Answers.Select(a => a.QuestionId));
                Assert.All(s.Answers.Skip(2), a => Assert.True(a.Skipped));
                Assert.Equal(QuestionKind.BlueprintFollowUp, s.Answers.Single(a => a.QuestionId == "cache.f2").Kind);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Blueprint_PressureTest_IsAskedToEveryCandidateAsAChangeOfScenario()
    {
        var profile = SampleProfiles.Backend with
        {
            ContentHash = "with-pressure-test",
            Blueprints =
            [
                SampleProfiles.Backend.Blueprints[0] with
                {
                    FollowUps =
                    [
                        .. SampleProfiles.Backend.Blueprints[0].FollowUps,
                        new BlueprintFollowUp { Id = "cache.f3", Text = "Redis is now down for ten minutes. What happens?", KnowledgeAreas = ["fallback"], Kind = FollowUpKind.PressureTest },
                    ],
                },
            ],
        };

        foreach (var first in new[] { StrongCache, "vague, I would just add a cache somewhere" })
        {
            await ThroughKnockouts(Time(), profile: profile)
                .Send(Strong).SkipReplies(1)
                .Send(StrongIncident).SkipReplies(2)
                .Send(first).AssertReply("**Follow-up 1 of 3.** How do you invalidate?")
                .Send("Delete the key on write through the outbox so the invalidation is never lost.").AssertReply("**Follow-up 2 of 3.** What happens on a cache stampede?")
                .Send(StrongStampede)
                .AssertReply("**Follow-up 3 of 3: a change of scenario.** Redis is now down for ten minutes. What happens?")
                .Send("Reads fall through to Postgres behind a concurrency limit, and the catalogue serves a stale in-process copy meanwhile.")
                .AssertReplyContains("That's everything")
                .RunAsync();
        }
    }

    [Fact]
    public async Task CustomQuestion_StrongAnswer_GetsThePressureTestOnce()
    {
        var profile = WithApiFollowUps(
            new AdaptiveFollowUp("metrics", "What did you measure to know the API worked well?"),
            new AdaptiveFollowUp("scale-10x", "Traffic is now ten times higher. What breaks first?", FollowUpKind.PressureTest));

        await ThroughKnockouts(Time(), profile: profile)
            .Send(Strong)
            .AssertReply("**Let me change the scenario.** Traffic is now ten times higher. What breaks first?")
            .Send("The database connection pool saturates first; I would add PgBouncer and cache the hot listing reads.")
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(s => Assert.Equal(1, Assert.Single(s.Answers).FollowUpsAsked))
            .RunAsync();
    }

    [Fact]
    public async Task CustomQuestion_VagueAnswerThenGoodOne_ProbesFirstThenPressureTests()
    {
        var profile = WithApiFollowUps(
            new AdaptiveFollowUp("metrics", "What did you measure to know the API worked well?"),
            new AdaptiveFollowUp("scale-10x", "Traffic is now ten times higher. What breaks first?", FollowUpKind.PressureTest)) with { Template = InterviewTemplate.Standard };

        await ThroughKnockouts(Time(), profile: profile)
            .Send("It was a vague sort of API, pretty standard.")
            .AssertReply("What did you measure to know the API worked well?")
            .Send(Strong)
            .AssertReplyContains("ten times higher")
            .Send("The database connection pool saturates first; I would add PgBouncer and cache the hot listing reads.")
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(s => Assert.Equal(2, Assert.Single(s.Answers).FollowUpsAsked))
            .RunAsync();
    }

    [Fact]
    public async Task CustomQuestion_VagueAnswerThatAlreadyGaveNumbers_IsNotAskedForNumbers()
    {
        await ThroughKnockouts(Time())
            .Send("It was a vague API really, about 40 clients and 300 requests per second.")
            .AssertReply(r => !r.Text.Contains("measure", StringComparison.OrdinalIgnoreCase) && r.Text.Contains("versioning", StringComparison.Ordinal), "a follow-up on a missing area, not on the numbers the answer gave")
            .RunAsync();
    }

    [Fact]
    public async Task Judge_EveryRequest_CarriesTheProfilesToneAndCompanyInstructionsAsConfiguration()
    {
        var judge = new ScriptedJudge();
        var profile = SampleProfiles.Backend with { Tone = "calm and precise", CompanyInstructions = "We move money; never discuss salary.", ContentHash = "tone" };

        await ThroughKnockouts(Time(), judge, profile).Send(Strong).AssertReplyContains("Question 2 of 2").RunAsync();

        var request = Assert.Single(judge.Requests);
        Assert.Equal("calm and precise", request.Tone);
        Assert.Equal("We move money; never discuss salary.", request.CompanyInstructions);
        Assert.DoesNotContain("salary", request.Answer, StringComparison.Ordinal);
    }

    private static Profile WithApiFollowUps(params AdaptiveFollowUp[] followUps) =>
        SampleProfiles.Backend with
        {
            ContentHash = "api-follow-ups-" + followUps.Length,
            CustomQuestions = [SampleProfiles.Backend.CustomQuestions[0] with { FollowUps = followUps }, .. SampleProfiles.Backend.CustomQuestions.Skip(1)],
        };

    [Fact]
    public async Task Commands_HelpAndRepeat_ShowTheCurrentQuestionWithoutAnsweringIt()
    {
        await ThroughKnockouts(Time())
            .Send("help")
            .AssertReplyContains("Commands:")
            .AssertReplyContains("Question 1 of 2")
            .Send("Repeat")
            .AssertReplyContains("Question 1 of 2")
            .AssertNoMoreReplies()
            .AssertRecord(s => Assert.Empty(s.Answers))
            .RunAsync();
    }

    [Fact]
    public async Task Commands_PauseAndResume_ExcludePausedTimeFromAnswerTiming()
    {
        var time = Time();
        await ThroughKnockouts(time)
            .AdvanceTime(TimeSpan.FromMinutes(2))
            .Send("pause")
            .AssertReplyContains("Paused")
            .AssertRecord(s => Assert.Equal(InterviewStatus.Paused, s.Status))
            .AdvanceTime(TimeSpan.FromHours(5))
            .Send("resume")
            .AssertReply("Welcome back! Here's where we left off:")
            .AssertReplyContains("Question 1 of 2")
            .AdvanceTime(TimeSpan.FromMinutes(3))
            .Send(Strong)
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(s =>
            {
                Assert.Equal(InterviewStatus.InProgress, s.Status);
                Assert.Equal(TimeSpan.FromHours(5), s.PausedTotal);
                Assert.Equal(TimeSpan.FromMinutes(5), Assert.Single(s.Answers).AnswerTime);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Commands_MessageWhilePaused_ResumesAndReshowsQuestionWithoutTakingItAsAnswer()
    {
        await ThroughKnockouts(Time())
            .Send("pause").SkipReplies(1)
            .Send(Strong)
            .AssertReplyContains("Welcome back")
            .AssertReplyContains("Question 1 of 2")
            .AssertRecord(s => Assert.Empty(s.Answers))
            .RunAsync();
    }

    [Fact]
    public async Task Commands_Withdraw_AsksForConfirmationThenWithdraws()
    {
        var stores = await ThroughKnockouts(Time())
            .Send("withdraw")
            .AssertReply(r => r.Text.Contains("Are you sure", StringComparison.Ordinal) && r.Choices.Count == 2, "a confirmation with two buttons")
            .Send("maybe")
            .AssertReplyContains("Are you sure")
            .Click("yes")
            .AssertReplyContains("You've withdrawn")
            .AssertRecord(s => Assert.Equal(InterviewStatus.Withdrawn, s.Status))
            .RunAsync();

        Assert.Equal(1, stores.Jobs.Count);
    }

    [Fact]
    public async Task Commands_WithdrawThenNo_ContinuesWithTheSameQuestion()
    {
        await ThroughKnockouts(Time())
            .Send("withdraw").SkipReplies(1)
            .Send("no")
            .AssertReply("Great, let's carry on.")
            .AssertReplyContains("Question 1 of 2")
            .Send(Strong)
            .AssertReplyContains("Question 2 of 2")
            .RunAsync();
    }

    [Fact]
    public async Task RestartProcess_MidInterview_ContinuesAtExactlyThePendingQuestion()
    {
        await ThroughKnockouts(Time())
            .Send(Strong).AssertReplyContains("Question 2 of 2")
            .RestartProcess()
            .Send("repeat").AssertReplyContains("Question 2 of 2")
            .RestartProcess()
            .Send("We had an outage; I led the on-call response and wrote the postmortem.")
            .AssertReplyContains("design deep-dive")
            .RunAsync();
    }

    [Fact]
    public async Task Expiry_MessageAfterExpiry_EndsAsExpired()
    {
        var stores = await ThroughKnockouts(Time())
            .AdvanceTime(TimeSpan.FromDays(8))
            .Send("hello, sorry for the delay")
            .AssertReplyContains("expired")
            .AssertRecord(s => Assert.Equal(InterviewStatus.Expired, s.Status))
            .Send("anyone there?")
            .AssertReplyContains("expired")
            .RunAsync();

        Assert.Equal(1, stores.Jobs.Count);
    }

    [Fact]
    public async Task DuplicateMessageId_IsProcessedOnce()
    {
        await ThroughKnockouts(Time())
            .Send(Strong, messageId: "m-1")
            .AssertReplyContains("Question 2 of 2")
            .Send(Strong, messageId: "m-1")
            .AssertNoMoreReplies()
            .AssertRecord(s => Assert.Single(s.Answers))
            .RunAsync();
    }

    [Fact]
    public async Task TooLongMessage_IsRefusedAndNothingIsRecorded()
    {
        await ThroughKnockouts(Time())
            .Send(new string('x', 20_001))
            .AssertReplyContains("more than I can take")
            .AssertRecord(s => Assert.Empty(s.Answers))
            .RunAsync();
    }

    [Fact]
    public async Task ProfileChangedMidInterview_EndsAsInvalidatedInsteadOfAskingTheWrongQuestion()
    {
        var changed = SampleProfiles.Backend with { ContentHash = "sample-v2", CustomQuestions = SampleProfiles.Backend.CustomQuestions.Take(1).ToArray() };
        await ThroughKnockouts(Time())
            .ChangeProfile(changed)
            .Send(Strong)
            .AssertReplyContains("questions for this role have just been updated")
            .AssertRecord(s => Assert.Equal(InterviewStatus.Invalidated, s.Status))
            .RunAsync();
    }

    [Fact]
    public async Task Transcript_RecordsEveryMessageWithPhaseQuestionAndLatency()
    {
        var time = Time();
        await ThroughKnockouts(time)
            .AdvanceTime(TimeSpan.FromSeconds(90))
            .Send(Strong)
            .AssertTranscript(turns =>
            {
                Assert.Equal(Enumerable.Range(0, turns.Count).Select(i => (long)i), turns.Select(t => t.Sequence));
                var answer = turns.Single(t => t.Speaker == Speaker.Candidate && t.QuestionId == "api");
                Assert.Equal(Phase.CustomQuestions, answer.Phase);
                Assert.Equal(TimeSpan.FromSeconds(90), answer.AnswerLatency);
                Assert.Equal(Strong, answer.Text);
                Assert.Contains(turns, t => t.Speaker == Speaker.Candidate && t.QuestionId == "api-years" && t.Text == "5 years");
            })
            .RunAsync();
    }

    [Fact]
    public async Task LanguageAssessment_SwitchesLanguageBeforeClosing()
    {
        await new ConversationFlow(SampleProfiles.WithLanguage, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("5").SkipReplies(1)
            .Send("now").SkipReplies(2)
            .Send(Strong).SkipReplies(1)
            .Send(StrongIncident).SkipReplies(2)
            .Send(StrongCache).SkipReplies(1)
            .Send(StrongStampede).SkipReplies(1)
            .Send(StrongQueue)
            .AssertReplyContains("Please answer in German")
            .AssertReplyContains("Beschreiben Sie")
            .Send("Ich habe zuletzt eine Zahlungsplattform gebaut, weil unser altes System nicht skalierte.")
            .AssertReplyContains("That's everything")
            .AssertRecord(s => Assert.Equal(QuestionKind.Language, s.Answers[^1].Kind))
            .RunAsync();
    }

    [Fact]
    public async Task Start_ProfileWithExpiryDays_ClosesTheScreenThenInsteadOfTheDefault()
    {
        var time = Time();
        var profile = SampleProfiles.Backend with { ExpiryDays = 3, ContentHash = "three-days" };

        await new ConversationFlow(profile, time)
            .Start()
            .AssertReplyContains("3 days from now")
            .AssertReplyContains("Do you agree to continue with the automated screen?")
            .AssertRecord(s => Assert.Equal(Start.AddDays(3), s.ExpiresAt))
            .AdvanceTime(TimeSpan.FromDays(3))
            .Send("yes")
            .AssertReplyContains("expired")
            .RunAsync();
    }
}
