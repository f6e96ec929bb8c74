using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>
/// Issue 21, racing answers: a message answers the question the candidate had in view when they wrote it. Two messages sent
/// at once while one question waits are taken one after the other; the second was written before the next question existed,
/// so it is kept in the transcript and the next question is shown again, never taken as its answer.
/// </summary>
public sealed class RacingAnswersTests
{
    private const string FirstAnswer = "I designed a REST API for billing with cursor pagination and versioned media types. It served 2k requests per second.";
    private const string SecondAnswer = "Also: we versioned it through the media type, and kept every old version alive for a year.";
    private const string IncidentAnswer = "We lost the payments queue for twenty minutes; I led the response and the error rate went back under 0.1%.";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Consent given and both knockouts passed; the next reply is the first custom question (<c>api</c>).</summary>
    private static ConversationFlow ThroughKnockouts(FakeTimeProvider time) =>
        new ConversationFlow(SampleProfiles.Backend, time)
            .Start().SkipReplies(2)
            .Click("yes").SkipReplies(3)
            .Send("5 years").AssertReplyContains("When could you start?")
            .Send("in 2 weeks").AssertReplyContains("two questions about your experience").AssertReplyContains("Question 1 of 2");

    [Fact]
    public async Task TwoAnswersSentAtOnce_TheSecondIsKeptButNotTakenAsTheAnswerToTheNextQuestion()
    {
        var stores = await ThroughKnockouts(new FakeTimeProvider(Start))
            .SendAtOnce(FirstAnswer, SecondAnswer)
            .AssertReplyContains("Question 2 of 2")
            .AssertReply(CandidateLanguages.English.Texts.AnswerCrossed)
            .AssertReply(r => r.Kind == ReplyKind.Prompt && r.QuestionId == "incident" && r.Text.Contains("Question 2 of 2", StringComparison.Ordinal), "the second question again")
            .AssertNoMoreReplies()
            .AssertInterview(i =>
            {
                var api = Assert.Single(i.Record.Answers);
                Assert.Equal(("api", FirstAnswer.Length), (api.QuestionId, api.AnswerLength));
                Assert.Equal("incident", i.Position.Pending!.Prompt.QuestionId);
                Assert.Null(i.Position.WorkingAnswer);
                Assert.Equal(0, i.Position.AttemptCount);
            })
            .Send(IncidentAnswer).AssertReplyContains("design deep-dive")
            .AssertRecord(r => Assert.Equal([("api", FirstAnswer.Length), ("incident", IncidentAnswer.Length)], r.Answers.Select(a => (a.QuestionId, a.AnswerLength))))
            .RunAsync();

        var transcript = await stores.Transcripts.ReadAsync((await stores.Interviews.ListAsync(Storage.InterviewQuery.All, 1, CancellationToken.None))[0].Id, CancellationToken.None);
        var candidate = transcript.Where(t => t.Speaker == Speaker.Candidate).ToArray();
        Assert.Equal([FirstAnswer, SecondAnswer, IncidentAnswer], candidate[^3..].Select(t => t.Text));
        Assert.Equal(["api", null, "incident"], candidate[^3..].Select(t => t.QuestionId));
    }

    [Fact]
    public async Task TwoKnockoutAnswersSentAtOnce_OnlyTheFirstIsRecorded()
    {
        await new ConversationFlow(SampleProfiles.Backend, new FakeTimeProvider(Start))
            .Start().SkipReplies(2)
            .Click("yes").SkipReplies(3)
            .SendAtOnce("5 years", "in 2 weeks")
            .AssertReplyContains("When could you start?")
            .AssertReply(CandidateLanguages.English.Texts.AnswerCrossed)
            .AssertReplyContains("When could you start?")
            .AssertNoMoreReplies()
            .AssertRecord(r => Assert.Equal([("api-years", "5")], r.Knockouts.Select(k => (k.KnockoutId, k.AnswerText))))
            .RunAsync();
    }

    [Fact]
    public async Task MessageStampedBeforeTheAnswerTheQuestionFollowed_IsNotTakenEvenWhenItArrivesLate()
    {
        var time = new FakeTimeProvider(Start);
        var flow = ThroughKnockouts(time);
        var sent = Start.AddMinutes(1);
        time.Advance(TimeSpan.FromMinutes(1));

        // The channel delivers the earlier of two messages seconds after the later one was answered (a redelivery, a slow path).
        await flow
            .Send(new IncomingMessage(FirstAnswer, "m-late-2") { SentAt = sent.AddMilliseconds(400), ReceivedAt = sent.AddMilliseconds(450) })
            .AssertReplyContains("Question 2 of 2")
            .AdvanceTime(TimeSpan.FromSeconds(5))
            .Send(new IncomingMessage(SecondAnswer, "m-late-1") { SentAt = sent, ReceivedAt = sent.AddSeconds(5) })
            .AssertReply(CandidateLanguages.English.Texts.AnswerCrossed)
            .AssertReplyContains("Question 2 of 2")
            .AssertRecord(r => Assert.Equal(["api"], r.Answers.Select(a => a.QuestionId)))
            .RunAsync();
    }

    [Fact]
    public async Task MessageSentAfterTheQuestionArrived_IsItsAnswer()
    {
        var time = new FakeTimeProvider(Start);
        var flow = ThroughKnockouts(time);
        var sent = Start.AddMinutes(1);
        time.Advance(TimeSpan.FromMinutes(1));

        await flow
            .Send(new IncomingMessage(FirstAnswer, "m-1") { SentAt = sent, ReceivedAt = sent.AddMilliseconds(80) })
            .AssertReplyContains("Question 2 of 2")
            .AdvanceTime(TimeSpan.FromSeconds(20))
            .Send(new IncomingMessage(IncidentAnswer, "m-2") { SentAt = sent.AddSeconds(20), ReceivedAt = sent.AddSeconds(20).AddMilliseconds(80) })
            .AssertReplyContains("design deep-dive")
            .AssertRecord(r => Assert.Equal(["api", "incident"], r.Answers.Select(a => a.QuestionId)))
            .RunAsync();
    }

    [Fact]
    public async Task ChannelClockFarFromTheBots_ItsSendTimesAreIgnored()
    {
        var time = new FakeTimeProvider(Start);
        var flow = ThroughKnockouts(time);
        time.Advance(TimeSpan.FromMinutes(1));
        var now = Start.AddMinutes(1);
        var stuck = now.AddHours(-3);

        // A channel whose clock is hours off stamps both messages alike; only arrival order counts, and both arrived in turn.
        await flow
            .Send(new IncomingMessage(FirstAnswer, "m-1") { SentAt = stuck, ReceivedAt = now })
            .AssertReplyContains("Question 2 of 2")
            .AdvanceTime(TimeSpan.FromSeconds(30))
            .Send(new IncomingMessage(IncidentAnswer, "m-2") { SentAt = stuck, ReceivedAt = now.AddSeconds(30) })
            .AssertReplyContains("design deep-dive")
            .RunAsync();
    }

    [Fact]
    public async Task CommandSentAtOnceWithAnAnswer_IsStillACommand()
    {
        await ThroughKnockouts(new FakeTimeProvider(Start))
            .SendAtOnce(FirstAnswer, "help")
            .AssertReplyContains("Question 2 of 2")
            .AssertReplyContains("Commands:")
            .AssertReplyContains("Question 2 of 2")
            .AssertNoMoreReplies()
            .AssertRecord(r => Assert.Equal(["api"], r.Answers.Select(a => a.QuestionId)))
            .RunAsync();
    }

    [Fact]
    public async Task QuestionAfterARestart_StillKnowsWhichMessageItFollowed()
    {
        // SendAtOnce stamps both messages with the flow's clock, still at Start: the second question follows a message sent then.
        await ThroughKnockouts(new FakeTimeProvider(Start))
            .SendAtOnce(FirstAnswer, SecondAnswer).SkipReplies(3)
            .RestartProcess()
            .AdvanceTime(TimeSpan.FromSeconds(10))
            .Send(new IncomingMessage("And one more thing about that API.", "m-third") { SentAt = Start, ReceivedAt = Start.AddSeconds(10) })
            .AssertReply(CandidateLanguages.English.Texts.AnswerCrossed).AssertReplyContains("Question 2 of 2")
            .Send(IncidentAnswer).AssertReplyContains("design deep-dive")
            .AssertRecord(r => Assert.Equal(["api", "incident"], r.Answers.Select(a => a.QuestionId)))
            .RunAsync();
    }
}
