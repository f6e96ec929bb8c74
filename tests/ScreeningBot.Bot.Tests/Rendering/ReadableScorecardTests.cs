using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>A scorecard a hiring manager can read without a legend (issue 15), and the short card of a screen without a score.</summary>
public sealed class ReadableScorecardTests
{
    private static readonly Scorecard WithBreakdown = ScorecardFixtures.Typical with
    {
        Knockouts = [new("overlap", ScorecardFixtures.LongKnockoutQuestion, "At least four hours", true)],
        Competencies = [new("owns", "Owns production incidents end to end: mitigates first, finds the root cause, and follows through on the work that stops it happening again.", true, null)],
        RequiredSkills = [new("api", "API design", 6.5, null)],
        PreferredSkills = [new("kafka", "Kafka", 7.7, null)],
        PreferredSkillBonus = 3,
        Breakdown = new CoverageBreakdown(83, 3, 4, 68, 2, 3, 3, 4, 1, 2, null)
        {
            Gaps = [new("caching-invalidation.f2", "caching invalidation, follow-up 2", CoverageGapReason.Skipped), new("async-backend-work", "async backend work", CoverageGapReason.NotReached)],
        },
    };

    [Fact]
    public void AdaptiveCard_Scored_ConfidencePercentWholeQuestionsAndOneLineOnTheScore()
    {
        var texts = Texts(AdaptiveCardRenderer.Render(WithBreakdown));

        Assert.Contains("82%", texts);
        Assert.Contains(texts, t => t.Contains(ReportText.InertMarkdown(ScorecardFixtures.LongKnockoutQuestion), StringComparison.Ordinal));
        Assert.Contains("Answer: At least four hours", texts);
        Assert.Contains(texts, t => t.Contains("follows through on the work that stops it happening again", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Score: the rubric weighted", StringComparison.Ordinal) && t.Contains("3 bonus points for preferred skills (Kafka)", StringComparison.Ordinal) && t.Contains("required skills only the questions tagged", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains('…', StringComparison.Ordinal));
    }

    [Fact]
    public void AdaptiveCard_Scored_ShowsTheCoverageBreakdownAndGaps()
    {
        var texts = Texts(AdaptiveCardRenderer.Render(WithBreakdown));

        Assert.Contains("Experience questions", texts);
        Assert.Contains("3/4", texts);
        Assert.Contains("Design deep-dive depth", texts);
        Assert.Contains("68%", texts);
        Assert.Contains("Gaps: not reached: async backend work; skipped: caching invalidation, follow-up 2", texts);
    }

    [Fact]
    public void AdaptiveCardAndMarkdown_QuestionsLeftOutForTime_ShowNotReachedTime()
    {
        var scorecard = WithBreakdown with
        {
            Breakdown = WithBreakdown.Breakdown! with
            {
                Gaps = [new("async-backend-work", "async backend work", CoverageGapReason.NotReached), new("cache.f2", "cache, follow-up 2", CoverageGapReason.NotReachedForTime)],
            },
        };

        Assert.Contains("Gaps: not reached: async backend work; not reached (time): cache, follow-up 2", Texts(AdaptiveCardRenderer.Render(scorecard)));
        Assert.Contains($"(`{ReportText.InertMarkdown("cache.f2")}`): not reached (time)", MarkdownReportRenderer.Render(scorecard, []), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InterviewStatus.KnockedOut, "Not scored: a must-have requirement was not met")]
    [InlineData(InterviewStatus.Declined, "Not screened: declined the automated screen")]
    [InlineData(InterviewStatus.Withdrawn, "Not scored: withdrew after answering 40% of the questions")]
    [InlineData(InterviewStatus.Expired, "Not scored: the screen expired after answering 40% of the questions")]
    [InlineData(InterviewStatus.Cancelled, "Not scored: cancelled by a recruiter")]
    public void AdaptiveCard_NotScored_IsAShortCardWithoutAScoreGrid(InterviewStatus outcome, string headline)
    {
        var card = AdaptiveCardRenderer.Render(ScorecardFixtures.NotScored(outcome));

        var texts = Texts(card);
        Assert.Equal(headline, (string?)card["body"]![0]!["text"]);
        Assert.Contains(outcome == InterviewStatus.Declined ? "none: not screened" : "none: not scored", texts);
        Assert.DoesNotContain(texts, t => t.Contains("/10", StringComparison.Ordinal) || t.Contains("/100", StringComparison.Ordinal) || t is "Rubric" or "Strengths");
        Assert.True(((JsonArray)card["body"]!).Count <= 6, card.ToJsonString());
    }

    [Fact]
    public void AdaptiveCard_KnockedOut_ShowsTheWholeQuestionAndTheAnswer()
    {
        var texts = Texts(AdaptiveCardRenderer.Render(ScorecardFixtures.NotScored(InterviewStatus.KnockedOut)));

        Assert.Contains("❌ " + ReportText.InertMarkdown(ScorecardFixtures.LongKnockoutQuestion), texts);
        Assert.Contains("Answer: None of them", texts);
    }

    [Theory]
    [InlineData(InterviewStatus.KnockedOut)]
    [InlineData(InterviewStatus.Withdrawn)]
    public void BlockKit_NotScored_OneShortMessageWithinLimits(InterviewStatus outcome)
    {
        var message = Assert.Single(BlockKitRenderer.RenderScorecard(ScorecardFixtures.NotScored(outcome)));

        var json = message.Blocks.ToJsonString();
        Assert.StartsWith("Not scored", (string?)message.Blocks[0]!["text"]!["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("/100", json, StringComparison.Ordinal);
        Assert.DoesNotContain("/10", json, StringComparison.Ordinal);
        Assert.True(message.Blocks.Count <= BlockKitLimits.BlocksPerMessage);
        Assert.True(BlockKitRenderer.TextLength(message.Blocks) <= BlockKitLimits.MessageCharacters);
        Assert.All(message.Blocks, b => Assert.True(BlockKitRenderer.TextLength(b) <= BlockKitLimits.SectionText));
    }

    [Fact]
    public void BlockKit_Scored_ConfidencePercentAndCoverage()
    {
        var json = string.Concat(BlockKitRenderer.RenderScorecard(WithBreakdown).Select(m => m.Blocks.ToJsonString()));

        Assert.Contains("*Confidence*\\n82%", json, StringComparison.Ordinal);
        Assert.Contains("Experience questions: *3/4*", json, StringComparison.Ordinal);
        Assert.Contains("Answer: At least four hours", json, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReport_NotScored_HasNoScoreTables()
    {
        var md = MarkdownReportRenderer.Render(ScorecardFixtures.NotScored(InterviewStatus.Withdrawn), []);

        Assert.Contains("Not scored: withdrew", md, StringComparison.Ordinal);
        Assert.Contains("| Score | none: not scored |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("## Rubric", md, StringComparison.Ordinal);
        Assert.DoesNotContain("/100", md, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReport_Scored_HasTheCoverageTableAndGaps()
    {
        var md = MarkdownReportRenderer.Render(WithBreakdown, []);

        Assert.Contains("| Competencies evidenced | 2/3 |", md, StringComparison.Ordinal);
        Assert.Contains("| Confidence | 82% |", md, StringComparison.Ordinal);
        Assert.Contains("- caching invalidation, follow-up 2 (`caching-invalidation.f2`): skipped", md, StringComparison.Ordinal);
    }

    private static List<string> Texts(JsonNode? node) => node switch
    {
        JsonObject obj => [.. obj.SelectMany(p => p.Key is "text" or "title" or "value" && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Texts(p.Value))],
        JsonArray array => [.. array.SelectMany(Texts)],
        _ => [],
    };
}
