using System.Text.Json;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Language;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>The language line of every rendering: "English: assessed B2+, required B2", whose estimate it is, and no level when none was given.</summary>
public sealed class LanguageRenderingTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly WrittenLanguageLevel Offline = new()
    {
        Verdict = LanguageVerdict.Assessed,
        Score = 4.4,
        Level = CefrLevel.B2,
        Confidence = 0.62,
        Words = 140,
        Sentences = 9,
        Notes = ["answer 2: copies the question"],
    };

    private static readonly Scorecard Assessed = ScorecardFixtures.Typical with
    {
        Language = new LanguageResult("English", "B2", "B2+", true)
        {
            Assessed = true,
            Confidence = 0.62,
            Offline = Offline,
            RestOfInterview = Offline with { Score = 4.0, Confidence = 0.8, Words = 420, Notes = [] },
        },
    };

    private static readonly Scorecard NotAssessed = ScorecardFixtures.Typical with
    {
        Language = new LanguageResult("English", "B2", "not assessable", false)
        {
            Offline = new WrittenLanguageLevel { Verdict = LanguageVerdict.NotAssessable, Notes = ["answer 1: word salad: words without grammar"] },
        },
    };

    [Fact]
    public void Markdown_Assessed_ShowsLevelTargetSourceAndTheRestApart()
    {
        var md = MarkdownReportRenderer.Render(Assessed, []);

        Assert.Contains("**English: assessed B2+, required B2** (meets the target; offline estimate, confidence 0.62).", md, StringComparison.Ordinal);
        Assert.Contains("how difficult the sentences the candidate wrote are to read", md, StringComparison.Ordinal);
        Assert.Contains("- Offline estimate of the language answers: B2+ (confidence 0.62, 140 words).", md, StringComparison.Ordinal);
        Assert.Contains("  - answer 2: copies the question", md, StringComparison.Ordinal);
        Assert.Contains("- Rest of the interview (offline, shown apart): B2 (confidence 0.80, 420 words).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_NotAssessed_GivesNoLevelAndSaysWhy()
    {
        var md = MarkdownReportRenderer.Render(NotAssessed, []);

        Assert.Contains("**English: not assessable, required B2** (no level given; offline estimate).", md, StringComparison.Ordinal);
        Assert.Contains("not assessable: answer 1: word salad", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_LlmEstimate_SaysItIsTheLlms()
    {
        var md = MarkdownReportRenderer.Render(Assessed with { Language = Assessed.Language! with { Source = LanguageEstimateSource.Llm, EstimatedLevel = "C1" } }, []);

        Assert.Contains("**English: assessed C1, required B2** (meets the target; LLM judge, confidence 0.62).", md, StringComparison.Ordinal);
        Assert.Contains("- Shown: rated by the LLM judge against the CEFR writing descriptors.", md, StringComparison.Ordinal);
        Assert.Contains("- Offline estimate of the language answers: B2+", md, StringComparison.Ordinal);
    }

    [Fact]
    public void AdaptiveCard_ShowsTheHeadlineAndSource()
    {
        var json = AdaptiveCardRenderer.Render(Assessed).ToJsonString(Readable);

        Assert.Contains("assessed B2+, required B2 (offline estimate, confidence 0.62)", json, StringComparison.Ordinal);
    }

    [Fact]
    public void BlockKit_ShowsTheHeadlineSourceAndAWarningWhenNotAssessed()
    {
        var assessed = JsonSerializer.Serialize(BlockKitRenderer.RenderScorecard(Assessed), Readable);
        var notAssessed = JsonSerializer.Serialize(BlockKitRenderer.RenderScorecard(NotAssessed), Readable);

        Assert.Contains("English: assessed B2+, required B2 ✅ _(offline estimate, confidence 0.62)_", assessed, StringComparison.Ordinal);
        Assert.Contains("English: not assessable, required B2 ⚠️ _(offline estimate)_", notAssessed, StringComparison.Ordinal);
    }
}
