using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>
/// Every outcome without a score goes through one model (<see cref="NotScoredOutcome"/>) and one renderer per channel: the
/// scoring job's scorecard of a knockout, withdrawal, expiry or cancellation, and the "not screened" notice of a declined
/// consent or a request for a person. Teams cards validate against the Adaptive Card 1.5 schema; Block Kit stays in Slack's limits.
/// </summary>
public sealed class NotScoredOutcomeTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Outcomes() => [.. All.Keys];

    private static Dictionary<string, NotScoredOutcome> All => new(StringComparer.Ordinal)
    {
        ["declined (notice)"] = NotScoredOutcome.From(new ScreeningNotice("iv-1", "Mallory " + ScorecardFixtures.Payload, "Senior Backend Developer", NotScreenedReason.ConsentDeclined, At)),
        ["asked for a person (notice)"] = NotScoredOutcome.From(new ScreeningNotice("iv-1", "Mallory", "Senior Backend Developer", NotScreenedReason.HumanInterviewRequested, At)),
        ["declined"] = NotScoredOutcome.From(ScorecardFixtures.NotScored(InterviewStatus.Declined)),
        ["withdrawn"] = NotScoredOutcome.From(ScorecardFixtures.NotScored(InterviewStatus.Withdrawn)),
        ["expired"] = NotScoredOutcome.From(ScorecardFixtures.NotScored(InterviewStatus.Expired)),
        ["cancelled"] = NotScoredOutcome.From(ScorecardFixtures.NotScored(InterviewStatus.Cancelled)),
        ["knockout"] = NotScoredOutcome.From(ScorecardFixtures.NotScored(InterviewStatus.KnockedOut)),
        ["changed profile"] = NotScoredOutcome.From(ScorecardFixtures.NotScored(InterviewStatus.Invalidated)),
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void AdaptiveCard_EachOutcome_ValidShortCardWithHeadlineAndNoScore(string name)
    {
        var outcome = All[name];

        var card = AdaptiveCardRenderer.RenderNotScored(outcome);

        var errors = AdaptiveCardSchemaTests.Validate(card);
        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");
        Assert.Equal(ReportText.InertMarkdown(outcome.Headline), (string?)card["body"]![0]!["text"]);
        var facts = Facts(card);
        Assert.Equal(["Candidate", "Role", "Score", "Outcome", "When"], facts.Select(f => f.Title));
        Assert.Equal("none: " + outcome.Why, facts.Single(f => f.Title == "Score").Value);
        Assert.Equal(ReportText.When(outcome.At), facts.Single(f => f.Title == "When").Value);
        Assert.DoesNotContain("/100", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(name == "knockout", card.ToJsonString().Contains("Knockouts", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void BlockKit_EachOutcome_OneMessageWithinLimitsWithTheSameHeadline(string name)
    {
        var outcome = All[name];

        var message = BlockKitRenderer.RenderNotScored(outcome);

        Assert.Equal(outcome.Headline, (string?)message.Blocks[0]!["text"]!["text"]);
        Assert.True(message.Blocks.Count <= BlockKitLimits.BlocksPerMessage);
        Assert.True(BlockKitRenderer.TextLength(message.Blocks) <= BlockKitLimits.MessageCharacters);
        Assert.All(message.Blocks, b => Assert.True(BlockKitRenderer.TextLength(b) <= BlockKitLimits.SectionText));
        Assert.Contains($"No score: {outcome.Why}", message.Blocks.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<http", message.Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeclinedConsent_NoticeAndScorecard_ReadTheSame()
    {
        var notice = All["declined (notice)"];
        var scorecard = All["declined"];

        Assert.Equal(scorecard.Headline, notice.Headline);
        Assert.Equal(scorecard.Why, notice.Why);
        Assert.Equal(
            Facts(AdaptiveCardRenderer.RenderNotScored(scorecard)).Select(f => f.Title),
            Facts(AdaptiveCardRenderer.RenderNotScored(notice)).Select(f => f.Title));
        Assert.Equal("Not screened: asked for an interview with a person", All["asked for a person (notice)"].Headline);
    }

    [Fact]
    public void Notice_CandidateMarkup_IsInertOnTheCardAndInSlack()
    {
        var outcome = All["declined (notice)"];

        var card = AdaptiveCardRenderer.RenderNotScored(outcome).ToJsonString();
        var slack = BlockKitRenderer.RenderNotScored(outcome);

        Assert.DoesNotContain("[HR portal](", card, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://", slack.Blocks.ToJsonString() + slack.Text, StringComparison.Ordinal);
    }

    private static List<(string Title, string Value)> Facts(JsonObject card) =>
        [.. ((JsonArray)card["body"]!).OfType<JsonObject>().Where(b => (string?)b["type"] == "FactSet")
            .SelectMany(b => ((JsonArray)b["facts"]!).Select(f => ((string)f!["title"]!, (string)f["value"]!)))];
}
