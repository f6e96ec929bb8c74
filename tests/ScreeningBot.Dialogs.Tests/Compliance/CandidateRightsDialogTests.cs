using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Tests.Localization;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Compliance;

/// <summary>
/// What a candidate is told and can do (issue 18), through whole turns of <see cref="InterviewService"/>: the notice before
/// the first question, <c>human</c> / <c>opt out</c>, a knockout that leaves the decision to people, the audit trail of the
/// candidate's own choices, and the optional self-identification kept apart from the screen.
/// </summary>
public sealed class CandidateRightsDialogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static FakeTimeProvider Time() => new(Start);

    [Fact]
    public async Task Notice_BeforeTheFirstQuestion_SaysItIsAutomatedWhatIsKeptHowLongThatPeopleDecideAndHowToOptOut()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(1)
            .AssertReply(r => r.Choices.Count == 2
                && r.Text.Contains("I'm an automated screening assistant, not a person", StringComparison.Ordinal)
                && r.Text.Contains("a computer system scores your answers", StringComparison.Ordinal)
                && r.Text.Contains("recorded and kept for 180 days, then deleted", StringComparison.Ordinal)
                && r.Text.Contains("make every decision about your application", StringComparison.Ordinal)
                && r.Text.Contains("type **human** (or **opt out**)", StringComparison.Ordinal)
                && r.Text.Contains("copy of your data or have it deleted", StringComparison.Ordinal)
                && !r.Text.Contains("privacy notice", StringComparison.Ordinal)
                && !r.Text.Contains("only summarise", StringComparison.Ordinal)
                && r.Text.EndsWith("Do you agree to continue with the automated screen?", StringComparison.Ordinal), "the notice above the consent buttons")
            .RunAsync();
    }

    [Fact]
    public async Task Notice_WithARetentionAndPrivacyLinks_TellsTheRetentionAndTheProfilesLinkWins()
    {
        var options = new InterviewOptions { RetentionDays = 30, PrivacyUrl = "https://employer.example/privacy" };
        var profile = SampleProfiles.Backend with { PrivacyUrl = "https://jobs.example/backend/privacy" };

        await new ConversationFlow(profile, Time(), options: options)
            .Start().SkipReplies(1)
            .AssertReply(r => r.Text.Contains("kept for 30 days", StringComparison.Ordinal)
                && r.Text.Contains("The employer's privacy notice: https://jobs.example/backend/privacy", StringComparison.Ordinal)
                && !r.Text.Contains("employer.example", StringComparison.Ordinal), "the profile's privacy link")
            .RunAsync();
        await new ConversationFlow(SampleProfiles.Backend, Time(), options: options)
            .Start().SkipReplies(1)
            .AssertReplyContains("The employer's privacy notice: https://employer.example/privacy")
            .RunAsync();
    }

    [Fact]
    public async Task Notice_GermanAndSpanish_InTheProfilesLanguageWithTheHumanCommandInIt()
    {
        await new ConversationFlow(LocalizedProfiles.German, Time())
            .Start().SkipReplies(1)
            .AssertReply(r => r.Text.Contains("automatisierter Screening-Assistent, keine Person", StringComparison.Ordinal)
                && r.Text.Contains("180 Tage lang aufbewahrt", StringComparison.Ordinal)
                && r.Text.Contains("**mensch**", StringComparison.Ordinal), "the German notice")
            .Send("mensch")
            .AssertReplyContains("Das Einstellungsteam weiß, dass Sie mit einer Person sprechen möchten")
            .AssertRecord(s => Assert.Equal(InterviewStatus.OptedOut, s.Status))
            .RunAsync();
        await new ConversationFlow(LocalizedProfiles.Spanish, Time())
            .Start().SkipReplies(1)
            .AssertReply(r => r.Text.Contains("asistente de preselección automatizado, no una persona", StringComparison.Ordinal)
                && r.Text.Contains("se guardan durante 180 días", StringComparison.Ordinal)
                && r.Text.Contains("**humano**", StringComparison.Ordinal), "the Spanish notice")
            .Send("quiero hablar con una persona")
            .AssertReplyContains("El equipo de selección sabe que desea hablar con una persona")
            .AssertRecord(s => Assert.Equal(InterviewStatus.OptedOut, s.Status))
            .RunAsync();
    }

    [Fact]
    public async Task Human_BeforeConsent_EndsWithoutAScoreAndTheHiringChannelGetsAskedForAPersonNotice()
    {
        var stores = await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("human")
            .AssertReply(r => r.Kind == ReplyKind.Closing && r.Text.Contains("they'll be in touch to arrange it", StringComparison.Ordinal), "a closing that says a person will be in touch")
            .AssertNoMoreReplies()
            .Send("hello?")
            .AssertReplyContains("The hiring team has been told you'd like to talk to a person")
            .AssertInterview(i =>
            {
                Assert.Equal(InterviewStatus.OptedOut, i.Record.Status);
                Assert.Empty(i.Record.Answers);
                var notice = ScreeningNotice.For(i, SampleProfiles.Backend.Title);
                Assert.NotNull(notice);
                Assert.Equal(NotScreenedReason.HumanInterviewRequested, notice.Reason);
                Assert.Equal("Asked for an interview with a person", notice.Headline);
                Assert.DoesNotMatch(@"\d+/100", notice.Text);
            })
            .RunAsync();

        Assert.Equal(1, stores.Jobs.Count); // the scoring job, which posts the notice instead of a scorecard
    }

    [Theory]
    [InlineData("opt out")]
    [InlineData("Opt-out")]
    [InlineData("talk to a person")]
    public async Task Human_MidInterview_AnyOptOutWordingEndsTheScreenAsOptedOut(string text)
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("5 years").SkipReplies(1)
            .Send(text)
            .AssertReplyContains("I've ended the automated screen, and nothing you wrote will be scored")
            .AssertInterview(i =>
            {
                Assert.Equal(InterviewStatus.OptedOut, i.Record.Status);
                Assert.Equal(Phase.Knockouts, i.Position.Phase);
                Assert.Null(i.Position.Pending);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Knockout_Failed_TellsTheCandidateTheTeamWillReviewAndNeverThatTheyAreRejected()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("1")
            .AssertReply(r => r.Kind == ReplyKind.Closing
                && r.Text.Contains("The hiring team will review your answers", StringComparison.Ordinal)
                && r.Text.Contains("get back to you", StringComparison.Ordinal)
                && !r.Text.Contains("reject", StringComparison.OrdinalIgnoreCase)
                && !r.Text.Contains("not able", StringComparison.OrdinalIgnoreCase)
                && !r.Text.Contains("further", StringComparison.OrdinalIgnoreCase), "a polite close that leaves the decision to people")
            .AssertNoMoreReplies()
            .AssertInterview(i =>
            {
                Assert.Equal(InterviewStatus.KnockedOut, i.Record.Status);
                Assert.Null(ScreeningNotice.For(i, "x")); // a knockout is screened: it gets a scorecard, with No
                var scorecard = ScorecardBuilder.Build(SampleProfiles.Backend, i, []);
                Assert.Equal(Recommendation.No, scorecard.Recommendation);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Audit_TheCandidatesChoices_AreRecordedByWhomWithoutContentAndTheChainVerifies()
    {
        var stores = await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("pause").SkipReplies(1)
            .Send("resume").SkipReplies(2)
            .Send("human").SkipReplies(1)
            .RunAsync();

        var verification = await AuditChain.VerifyAsync(stores.Audit, CancellationToken.None);
        Assert.True(verification.IsIntact, verification.Problem);
        var events = (await stores.Audit.ReadAsync(0, 100, CancellationToken.None)).Select(r => AuditChain.Parse(r)!.Event).ToArray();
        Assert.Equal([AuditAction.ConsentGiven, AuditAction.OptedOut], events.Select(e => e.Action));
        Assert.All(events, e =>
        {
            Assert.Equal(AuditActors.Candidate, e.Actor);
            Assert.Equal(AuditActors.CandidateRef("candidate-1"), e.Candidate);
            Assert.Equal(SampleProfiles.Backend.Id, e.ProfileId);
        });
        Assert.Equal("asked for an interview with a person", events[1].Detail);
    }

    [Fact]
    public async Task Audit_KnockoutAndDeclined_RecordTheEndByTheBotAndTheDeclineByTheCandidate()
    {
        var knockedOut = await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2).Send("yes").SkipReplies(3).Send("1").SkipReplies(1)
            .RunAsync();
        var declined = await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2).Send("no").SkipReplies(1)
            .RunAsync();

        var ended = (await knockedOut.Audit.ReadAsync(0, 100, CancellationToken.None)).Select(r => AuditChain.Parse(r)!.Event).ToArray();
        Assert.Equal([AuditAction.ConsentGiven, AuditAction.Ended], ended.Select(e => e.Action));
        Assert.Equal((AuditActors.ScreeningBot, "ended: KnockedOut"), (ended[1].Actor, ended[1].Detail));
        var no = Assert.Single(await declined.Audit.ReadAsync(0, 100, CancellationToken.None));
        Assert.Equal((AuditAction.ConsentDeclined, AuditActors.Candidate), (AuditChain.Parse(no)!.Event.Action, AuditChain.Parse(no)!.Event.Actor));
    }

    [Fact]
    public async Task SelfIdentification_TurnedOn_AskedAfterTheKnockoutAndStoredApartFromTheScreen()
    {
        var options = new InterviewOptions { SelfIdentification = true };

        var stores = await new ConversationFlow(SampleProfiles.Backend, Time(), options: options)
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("1")
            .AssertReply(r => r.Kind == ReplyKind.Message && r.Text.Contains("get back to you", StringComparison.Ordinal), "the knockout close, no longer closing the input")
            .AssertReply(r => r.Text.Contains("entirely optional", StringComparison.Ordinal) && r.Text.Contains("the hiring team never sees them", StringComparison.Ordinal), "the invitation")
            .AssertReply(r => r.Kind == ReplyKind.Prompt && r.Choices.Select(c => c.Title).SequenceEqual(["Woman", "Man", "Non-binary or another gender", "Prefer not to say"]), "the gender question")
            .AssertNoMoreReplies()
            .Send("something else")
            .AssertReplyContains("Please pick one of")
            .AssertReply(r => r.Choices.Count == 4, "the gender question again")
            .Click(nameof(SexCategory.Female))
            .AssertReply(r => r.Text == "How do you describe your race or ethnicity?" && r.Choices.Count == 8, "the race/ethnicity question")
            .Send("2")
            .AssertReply(r => r.Kind == ReplyKind.Closing && r.Text.StartsWith("Thank you. That's everything", StringComparison.Ordinal), "thanks, closing the input")
            .Send("anything more?")
            .AssertReplyContains("This screen has finished")
            .AssertInterview(i =>
            {
                Assert.Equal(InterviewStatus.KnockedOut, i.Record.Status);
                Assert.Null(i.Position.SelfIdentification);
            })
            .AssertTranscript(t => Assert.DoesNotContain(t, turn => turn.Text.Contains("Female", StringComparison.Ordinal) || turn.Text == "2" || turn.Text.Contains("race", StringComparison.Ordinal)))
            .RunAsync();

        var interviewId = Assert.Single(await stores.Interviews.ListAsync(new InterviewQuery(), 10, CancellationToken.None)).Id;
        var record = await stores.SelfIdentifications.GetAsync(interviewId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal((SexCategory.Female, RaceEthnicityCategory.White), (record.Sex, record.RaceEthnicity));
        Assert.Equal(SampleProfiles.Backend.Id, record.ProfileId);
        Assert.Equal(Start, record.InterviewCreatedAt);
        var stored = (await stores.Interviews.GetAsync(interviewId, CancellationToken.None))!.Interview;
        Assert.DoesNotContain("Female", ScreeningBot.Dialogs.Serialization.DialogsJson.Serialize(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfIdentification_SkippedOrNeverAnswered_CountsTheCandidateAsNotAnswered()
    {
        var options = new InterviewOptions { SelfIdentification = true };

        var stores = await new ConversationFlow(SampleProfiles.Backend, Time(), options: options)
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("1").SkipReplies(3)
            .Send("skip")
            .AssertReplyContains("race or ethnicity")
            .RunAsync();

        var record = Assert.Single(await stores.SelfIdentifications.ListAsync(new SelfIdentificationQuery(null, Start.AddDays(-1), Start.AddDays(1)), CancellationToken.None));
        Assert.Null(record.Sex);
        Assert.Null(record.RaceEthnicity);
    }

    [Fact]
    public async Task SelfIdentification_Off_IsNeverAskedAndTheKnockoutCloseEndsTheChat()
    {
        var stores = await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("1")
            .AssertReply(r => r.Kind == ReplyKind.Closing, "the knockout close")
            .AssertNoMoreReplies()
            .RunAsync();

        Assert.Empty(await stores.SelfIdentifications.ListAsync(new SelfIdentificationQuery(null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue), CancellationToken.None));
    }
}
