using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Tests.Playground;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>Issue 13: every integrity flag in the report's Integrity section, and one line on the Teams and Slack cards.</summary>
public sealed class IntegrityRenderingTests
{
    private static readonly Scorecard Flagged = ScorecardFixtures.Typical with
    {
        Integrity =
        [
            new IntegrityFlag("challenging-api", RedFlag.PromptInjection, "The answer contains text addressed to the grader (a comment addressed to the grader); it was left out and the rest judged, less 1 point."),
            new IntegrityFlag("database-optimisation", RedFlag.RepeatedAnswer, "The answer repeats what the candidate wrote for challenging-api (100% of its words); the repeated part was left out of the judgment."),
            new IntegrityFlag("caching-invalidation", RedFlag.TypingSpeed, "The answer has 612 characters but arrived 1 ms after the question (faster than anyone types); only the first 60 characters were judged."),
        ],
    };

    [Fact]
    public void Markdown_FlaggedAnswers_IntegritySectionNamesEachAnswerAndWhy()
    {
        var md = MarkdownReportRenderer.Render(Flagged, []);

        var section = md[md.IndexOf("## Integrity", StringComparison.Ordinal)..md.IndexOf("## Knockouts", StringComparison.Ordinal)];
        Assert.Contains("Flagged parts were left out of every score", section, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ `challenging-api`, text addressed to the grader or hiring team: The answer contains text addressed to the grader", section, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ `database-optimisation`, the same answer as another question: The answer repeats what the candidate wrote for challenging-api", section, StringComparison.Ordinal);
        Assert.Contains("- ⚠️ `caching-invalidation`, faster than anyone types: The answer has 612 characters but arrived 1 ms", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_NothingFlagged_SaysSo()
    {
        var md = MarkdownReportRenderer.Render(ScorecardFixtures.Typical, []);

        Assert.Contains("## Integrity\n\nNo answer was flagged", md.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void AdaptiveCard_FlaggedAnswers_OneAttentionLineNamingTheAnswers()
    {
        var card = AdaptiveCardRenderer.Render(Flagged);

        var lines = Blocks(card).Where(b => b["text"]?.GetValue<string>().StartsWith("⚠️ Integrity:", StringComparison.Ordinal) == true).ToArray();
        var line = Assert.Single(lines);
        Assert.Equal("Attention", line["color"]!.GetValue<string>());
        Assert.Equal(
            "⚠️ Integrity: 3 answers flagged, flagged parts not scored: text addressed to the grader or hiring team (challenging-api); the same answer as another question (database-optimisation); faster than anyone types (caching-invalidation)",
            line["text"]!.GetValue<string>());
        Assert.DoesNotContain(Blocks(AdaptiveCardRenderer.Render(ScorecardFixtures.Typical)), b => b["text"]?.GetValue<string>().Contains("Integrity", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void BlockKit_FlaggedAnswers_OneWarningLineInTheMainMessage()
    {
        var messages = BlockKitRenderer.RenderScorecard(Flagged);

        var text = messages[0].Blocks.ToJsonString();
        Assert.Contains(":warning: *Integrity:* 3 answers flagged, flagged parts not scored: text addressed to the grader or hiring team (challenging-api)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Integrity", BlockKitRenderer.RenderScorecard(ScorecardFixtures.Typical)[0].Blocks.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IntegrityLine_ManyAnswersOfOneKind_ListsThreeThenAnEllipsis()
    {
        var scorecard = ScorecardFixtures.Typical with
        {
            Integrity = [.. Enumerable.Range(1, 5).Select(i => new IntegrityFlag($"q{i}", RedFlag.RepeatedAnswer, "Repeats q0."))],
        };

        Assert.Equal("5 answers flagged, flagged parts not scored: the same answer as another question (q1, q2, q3, …)", scorecard.IntegrityLine());
    }

    [Fact]
    public async Task HtmlReport_InABrowser_ShowsTheIntegritySectionWithEachFlag()
    {
        await using var bot = new BotAppFactory(new Dictionary<string, string?>
        {
            ["Reports:BaseUrl"] = "https://bot.example.com",
            ["Reports:SigningKey"] = "a-test-signing-key-that-is-long-enough-1234",
        });
        var scorecard = Flagged with { InterviewId = "iv-integrityintegrityi" };
        await bot.Services.GetRequiredService<IReportStore>().SaveAsync(new StoredReport(scorecard.InterviewId, scorecard, scorecard.CompletedAt), CancellationToken.None);
        await bot.Services.GetRequiredService<ITranscriptStore>().AppendAsync(
            scorecard.InterviewId,
            [new TranscriptTurn { InterviewId = scorecard.InterviewId, Sequence = 0, Timestamp = scorecard.StartedAt, Speaker = Speaker.Candidate, Phase = Phase.CustomQuestions, QuestionId = "challenging-api", Text = "We cut p95 to 80 ms." }],
            CancellationToken.None);
        var link = new Uri(bot.Services.GetRequiredService<ReportLinks>().Create(scorecard.InterviewId)!);
        using var browser = HeadlessChromium.Start(1280, 900);

        browser.Driver.Navigate().GoToUrl(new Uri(bot.BaseAddress, link.PathAndQuery));

        var heading = browser.Driver.FindElements(By.TagName("h2")).Single(h => h.Text == "Integrity");
        Assert.True(heading.Displayed);
        var items = heading.FindElement(By.XPath("following-sibling::ul[1]")).FindElements(By.TagName("li")).Select(li => li.Text).ToArray();
        Assert.Equal(3, items.Length);
        Assert.StartsWith("⚠️ challenging-api, text addressed to the grader or hiring team:", items[0], StringComparison.Ordinal);
        Assert.Contains("faster than anyone types: The answer has 612 characters", items[2], StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> Blocks(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(p => p.Value).SelectMany(Blocks).Prepend(obj),
        JsonArray array => array.SelectMany(Blocks),
        _ => [],
    };
}
