using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>What a new candidate runs into in the first minutes: numbered options, skip, dates, how long the screen stays open.</summary>
public sealed class FirstHourPolishTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static FakeTimeProvider Time() => new(Start);

    [Fact]
    public async Task Consent_TypedOptionNumber_AnswersTheNumberedButton()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("1")
            .AssertReply("Thank you! Let's begin.")
            .AssertRecord(s => Assert.Equal(InterviewStatus.InProgress, s.Status))
            .RunAsync();
    }

    [Fact]
    public async Task Consent_TypedSecondOption_Declines()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("2")
            .AssertReplyContains("No problem at all")
            .AssertRecord(s => Assert.Equal(InterviewStatus.Declined, s.Status))
            .RunAsync();
    }

    [Fact]
    public async Task Withdraw_TypedOptionNumber_ConfirmsTheNumberedButton()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("withdraw").SkipReplies(1)
            .Send("1")
            .AssertReplyContains("You've withdrawn")
            .AssertRecord(s => Assert.Equal(InterviewStatus.Withdrawn, s.Status))
            .RunAsync();
    }

    [Fact]
    public async Task Knockout_Skip_SaysTheBasicsCannotBeSkippedAndAsksAgain()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(2)
            .AssertReplyContains("How many years")
            .Send("skip")
            .AssertReply(r => r.Kind == ReplyKind.Retry && r.Text.StartsWith("These first questions can't be skipped: they cover the role's basic requirements", StringComparison.Ordinal), "why the basics can't be skipped")
            .AssertNoMoreReplies()
            .Send("5")
            .AssertReplyContains("When could you start?")
            .AssertRecord(s => Assert.Equal(["api-years"], s.Knockouts.Select(k => k.KnockoutId)))
            .RunAsync();
    }

    [Fact]
    public async Task Knockout_NoIdea_IsNotTakenAsNo()
    {
        var profile = SampleProfiles.Backend with
        {
            Knockouts = [new Knockout { Id = "visa", Question = "Can you work here without a visa?", Type = KnockoutAnswerType.YesNo, FailIf = "no", Rule = new YesNoRule(false) }],
            ContentHash = "yes-no-knockout",
        };

        await new ConversationFlow(profile, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(2)
            .AssertReplyContains("without a visa")
            .Send("no idea")
            .AssertReplyContains("can't be skipped")
            .AssertRecord(s => Assert.Empty(s.Knockouts))
            .RunAsync();
    }

    [Fact]
    public async Task DateKnockout_WithoutHint_ShowsExamplesComputedFromToday()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 9, 0, 0, TimeSpan.Zero));

        await new ConversationFlow(SampleProfiles.Backend, time)
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("5")
            .AssertReply("When could you start?\n_Any clear date works, such as 2031-06-17, \"17 June\", \"next Monday\" or \"in 6 weeks\"._")
            .Send("next monday")
            .AssertReplyContains("about your experience")
            .AssertRecord(s => Assert.Equal("2031-05-12", s.Knockouts.Single(k => k.KnockoutId == "start-date").AnswerText))
            .RunAsync();
    }

    [Fact]
    public async Task WelcomeAndHelp_SayTheSameClosingTimeToTheMinute()
    {
        var time = Time();
        await new ConversationFlow(SampleProfiles.Backend, time)
            .Start()
            .AssertReply(r => r.Text.Contains("it stays open until Monday 9 November at 09:00 UTC, 7 days from now.", StringComparison.Ordinal), "the welcome with the exact closing time")
            .SkipReplies(1)
            .AdvanceTime(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30))
            .Send("help")
            .AssertReply(r => r.Text.Contains("the screen stays open until Monday 9 November at 09:00 UTC, 6 days, 22 hours from now", StringComparison.Ordinal), "help with the same closing time")
            .RunAsync();
    }

    [Fact]
    public void OpenUntil_MillisecondsShortOfAWeek_ReadsSevenDays()
    {
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, 5, TimeSpan.Zero);

        Assert.Equal("until Monday 9 November at 09:00 UTC, 7 days from now", CandidateLanguages.English.Texts.OpenUntil(Start.AddDays(7), now));
        Assert.Equal("until Monday 9 November at 09:00 UTC, less than a minute from now", CandidateLanguages.English.Texts.OpenUntil(Start.AddDays(7), Start.AddDays(7).AddSeconds(-20)));
    }

    [Fact]
    public async Task Welcome_ListsSkipAmongTheCommands()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start()
            .AssertReplyContains("**skip**")
            .RunAsync();
    }

    [Fact]
    public async Task EndedScreen_LastReplyOfEveryEnding_IsAClosing()
    {
        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("1")
            .AssertReply(r => r.Kind == ReplyKind.Closing && r.Text.Contains("will review your answers against the role's requirements and get back to you", StringComparison.Ordinal), "the knockout close as a closing reply")
            .Send("hello?")
            .AssertReply(r => r.Kind == ReplyKind.Closing && r.Text.StartsWith("This screen has finished", StringComparison.Ordinal), "the already-ended answer as a closing reply")
            .RunAsync();

        await new ConversationFlow(SampleProfiles.Backend, Time())
            .Start().SkipReplies(2)
            .Send("no")
            .AssertReply(r => r.Kind == ReplyKind.Closing && r.Text.StartsWith("No problem at all", StringComparison.Ordinal), "the declined consent as a closing reply")
            .RunAsync();
    }
}
