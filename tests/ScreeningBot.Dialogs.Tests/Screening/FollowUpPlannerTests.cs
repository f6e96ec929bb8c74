using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Tests.Screening;

public sealed class FollowUpPlannerTests
{
    private static readonly CustomQuestion Question = new()
    {
        Id = "db",
        Text = "Describe a database performance problem you solved.",
        KnowledgeAreas = ["diagnosis with query plans", "indexing or query rewrite", "measured impact"],
        FollowUps =
        [
            new AdaptiveFollowUp("metrics", "What exactly did you measure before and after?"),
            new AdaptiveFollowUp("diagnosis", "How did you narrow it down? What did the query plan show?"),
            new AdaptiveFollowUp("tradeoffs", "What did the fix cost you?"),
        ],
    };

    private static readonly string[] Banned = ["age or date of birth", "ethnicity or race"];

    private static Judgment Vague(string? focus = null, string[]? missing = null, double specificity = 3, string? suggestion = null) =>
        Judgment.Create(1.8, specificity, areasMissing: missing ?? [], needsFollowUp: true, followUpFocus: focus) with { SuggestedFollowUp = suggestion };

    [Fact]
    public void Plan_StrongAnswer_AsksNothingEvenWithMissingAreas()
    {
        var strong = Judgment.Create(3.8, 4, areasMissing: ["measured impact"], needsFollowUp: true, followUpFocus: "measured impact");

        Assert.False(FollowUpPlanner.Plan(Question, strong, 0, 3, [], Banned).ShouldAsk);
    }

    [Fact]
    public void Plan_JudgeSaysNoFollowUp_AsksNothing()
    {
        Assert.False(FollowUpPlanner.Plan(Question, Judgment.Create(2, 2), 0, 3, [], Banned).ShouldAsk);
    }

    [Fact]
    public void Plan_MissingAreaSharingAWordWithProbes_UsesThePreWrittenFollowUp()
    {
        var decision = FollowUpPlanner.Plan(Question, Vague(missing: ["diagnosis with query plans"]), 0, 3, [], Banned);

        Assert.Equal(new FollowUpDecision("diagnosis", "How did you narrow it down? What did the query plan show?"), decision);
    }

    [Theory]
    [InlineData("ROLLBACK strategy", "How would you roll it back?")]
    [InlineData("canary/rollback", "How would you roll it back?")]
    [InlineData("Gateway-timeouts", "What sits in front of the API?")]
    [InlineData("with over, into", "What would you log?")]
    [InlineData("the api", "What would you log?")]
    public void Plan_MissingArea_MatchesProbesByContentWordsIgnoringCase(string gap, string written)
    {
        var question = new CustomQuestion
        {
            Id = "deploy",
            Text = "How do you ship a risky change?",
            KnowledgeAreas = [gap],
            FollowUps =
            [
                new AdaptiveFollowUp("logging", "What would you log?"), // the fallback when no follow-up matches the gap
                new AdaptiveFollowUp("rollback plan", "How would you roll it back?"),
                new AdaptiveFollowUp("over-with", "Anything over and above?"),
                new AdaptiveFollowUp("api gateway", "What sits in front of the API?"),
            ],
        };

        var decision = FollowUpPlanner.Plan(question, Vague(missing: [gap]), 0, 3, [], Banned);

        Assert.Equal(written, decision.Text);
    }

    [Fact]
    public void Plan_SignalFocus_UsesTheMatchingPreWrittenFollowUp()
    {
        var decision = FollowUpPlanner.Plan(Question, Vague(focus: "metrics"), 0, 3, [], Banned);

        Assert.Equal("What exactly did you measure before and after?", decision.Text);
    }

    [Fact]
    public void Plan_AlreadyProbed_NeverRepeatsAFocus()
    {
        var decision = FollowUpPlanner.Plan(Question, Vague(focus: "metrics"), 1, 3, ["metrics"], Banned);

        Assert.NotEqual("metrics", decision.Focus);
        Assert.True(decision.ShouldAsk);
    }

    [Fact]
    public void Plan_TemplateLimitReached_AsksNothing()
    {
        Assert.False(FollowUpPlanner.Plan(Question, Vague(focus: "metrics"), 3, 3, [], Banned).ShouldAsk);
    }

    [Fact]
    public void Plan_LlmSuggestionTouchingBannedTopic_IsNotUsed()
    {
        var noWritten = Question with { FollowUps = [] };

        var decision = FollowUpPlanner.Plan(noWritten, Vague(focus: "measured impact", suggestion: "Given your age, how did you find the on-call rota?"), 0, 3, [], Banned);

        Assert.DoesNotContain("age", decision.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Could you say a bit more about measured impact in that example? How did you handle it?", decision.Text);
    }

    [Fact]
    public void Plan_LlmSuggestionClean_IsUsedWhenNoPreWrittenFollowUpFits()
    {
        var noWritten = Question with { FollowUps = [] };

        var decision = FollowUpPlanner.Plan(noWritten, Vague(focus: "measured impact", suggestion: "How much faster did the report get?"), 0, 3, [], Banned);

        Assert.Equal("How much faster did the report get?", decision.Text);
    }

    // Deliberately conservative: "race condition" matches the banned "race". The check only filters LLM-suggested
    // follow-ups, and a false positive merely falls back to the profile's own or generic wording.
    [Theory]
    [InlineData("How did you avoid the race condition?", true)]
    [InlineData("Does your religion affect on-call?", false)]
    [InlineData("What is your date of birth?", true)]
    [InlineData("Tell me about your ethnicity.", true)]
    [InlineData("How did the page load change?", false)]
    public void TouchesBannedTopic_ChecksEachAlternativeAsAWholePhrase(string text, bool expected)
    {
        Assert.Equal(expected, FollowUpPlanner.TouchesBannedTopic(text, Banned));
    }

    private static readonly CustomQuestion WithPressureTest = Question with
    {
        FollowUps = [.. Question.FollowUps, new AdaptiveFollowUp("fix-made-p99-worse", "Your fix made p99 worse. What do you check first?", FollowUpKind.PressureTest)],
    };

    [Fact]
    public void Plan_StrongAnswer_GetsThePressureTestInTheCandidatesLanguage()
    {
        var strong = Judgment.Create(4.2, 4);

        var english = FollowUpPlanner.Plan(WithPressureTest, strong, 0, 3, [], Banned);
        var german = FollowUpPlanner.Plan(WithPressureTest, strong, 0, 3, [], Banned, CandidateLanguages.Resolve("de"));

        Assert.Equal(new FollowUpDecision("fix-made-p99-worse", "**Let me change the scenario.** Your fix made p99 worse. What do you check first?"), english);
        Assert.StartsWith("**Ändern wir das Szenario.**", german.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_PressureTestAlreadyAsked_AsksNothingMore()
    {
        Assert.False(FollowUpPlanner.Plan(WithPressureTest, Judgment.Create(4.2, 4), 1, 3, ["fix-made-p99-worse"], Banned).ShouldAsk);
    }

    [Fact]
    public void Plan_VagueAnswer_ProbesBeforeThePressureTest()
    {
        var decision = FollowUpPlanner.Plan(WithPressureTest, Vague(focus: "metrics"), 0, 3, [], Banned);

        Assert.Equal("metrics", decision.Focus);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(0)]
    public void Plan_AnswerWithoutSubstance_IsNotPressureTested(double depth)
    {
        Assert.False(FollowUpPlanner.Plan(WithPressureTest, Judgment.Create(depth, 1), 0, 3, [], Banned).ShouldAsk);
    }

    [Fact]
    public void Plan_PressureTestTouchingABannedTopic_IsNeverAsked()
    {
        var question = Question with { FollowUps = [new AdaptiveFollowUp("on-call", "Your children are asleep when the page comes. What now?", FollowUpKind.PressureTest)] };

        Assert.False(FollowUpPlanner.Plan(question, Judgment.Create(4.2, 4), 0, 3, [], ["children or plans for children"]).ShouldAsk);
    }

    [Theory]
    [InlineData("metrics", "We went from 2.4 s to 80 ms at p95.", true)]
    [InlineData("metrics", "It got a lot faster.", false)]
    [InlineData("tradeoffs", "I chose a partial index rather than a rewrite.", true)]
    [InlineData("tradeoffs", "I added an index.", false)]
    [InlineData("ownership", "I traced the query and I added the index myself.", true)]
    [InlineData("ownership", "The team added an index.", false)]
    public void Plan_ProbeTheAnswerAlreadyCovers_IsSkipped(string probe, string answer, bool covered)
    {
        var question = Question with { FollowUps = [new AdaptiveFollowUp(probe, "Pre-written " + probe)] };

        var decision = FollowUpPlanner.Plan(question, Vague(focus: probe), 0, 3, [], Banned, CandidateLanguages.English, answer);

        Assert.Equal(covered, decision.Text != "Pre-written " + probe);
    }

    [Fact]
    public void Plan_ProbeOfAnAreaTheJudgeFoundCovered_IsSkipped()
    {
        var question = Question with { FollowUps = [Question.FollowUps[1], Question.FollowUps[0]] };
        var judgment = Vague(missing: ["measured impact"]) with { AreasCovered = ["diagnosis with query plans"] };

        var decision = FollowUpPlanner.Plan(question, judgment, 0, 3, [], Banned, CandidateLanguages.English, "I used EXPLAIN.");

        Assert.Equal("metrics", decision.Focus);
    }
}
