using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Rendering;

public sealed class MarkdownReportRendererTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static TranscriptTurn Turn(long sequence, Speaker speaker, string text, TimeSpan? latency = null) =>
        new() { InterviewId = "iv-1", Sequence = sequence, Timestamp = At.AddSeconds(sequence * 30), Speaker = speaker, Phase = Phase.CustomQuestions, QuestionId = "q", Text = text, AnswerLatency = latency };

    [Fact]
    public void Render_IncludesScorecardSectionsAndTheWholeTranscript()
    {
        var md = MarkdownReportRenderer.Render(ScorecardFixtures.Typical, [Turn(0, Speaker.Bot, "Tell me about an API."), Turn(1, Speaker.Candidate, "We cut p95 from 2.4 s to 80 ms.", TimeSpan.FromSeconds(95))]);

        Assert.StartsWith("# Screening report: Jane Doe", md, StringComparison.Ordinal);
        Assert.Contains("| Composite score | 78/100 |", md, StringComparison.Ordinal);
        Assert.Contains("## Rubric", md, StringComparison.Ordinal);
        Assert.Contains("| Technical depth | 25% | 7.8/10 |", md, StringComparison.Ordinal);
        Assert.Contains("09:00:00 **Screener**:", md, StringComparison.Ordinal);
        Assert.Contains("**Jane Doe** _(answered in 1 minute)_:", md, StringComparison.Ordinal);
        Assert.Contains("> We cut p95 from 2.4 s to 80 ms.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithDecisions_ListsEveryDecisionAndNoteInOrderAsTyped()
    {
        DecisionEntry Entry(int minute, HiringDecision? decision, string? text, string source) => new()
        {
            Id = $"{minute:D4}",
            InterviewId = "iv-1",
            At = At.AddMinutes(minute),
            ById = "URITA",
            ByName = "Rita",
            Decision = decision,
            Text = text,
            Source = source,
        };
        var history = new DecisionHistory([
            Entry(30, null, "**hire** [now](http://evil.example)\n# not a heading", "slack message"),
            Entry(10, HiringDecision.Hold, null, "command"),
            Entry(20, HiringDecision.Advance, "strong on queues", "teams card"),
        ]);

        var md = MarkdownReportRenderer.Render(ScorecardFixtures.Typical, [], history);

        Assert.Contains(
            "## Decision and notes\n\n**Advanced by Rita on 2026-11-23 09:20 UTC**\n\n" +
            "- 2026-11-23 09:10 UTC · **On hold** by Rita (command)\n" +
            "- 2026-11-23 09:20 UTC · **Advanced** by Rita (teams card): strong on queues\n" +
            @"- 2026-11-23 09:30 UTC · Note by Rita (slack message): \*\*hire\*\* \[now\](http://evil.example) # not a heading" + "\n",
            md.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.DoesNotContain("## Decision", MarkdownReportRenderer.Render(ScorecardFixtures.Typical, [], DecisionHistory.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CandidateText_CannotInjectHtmlLinksOrTableCells()
    {
        var hostile = "<img src=x onerror=alert(1)> [win](http://evil.example) | col";

        var md = MarkdownReportRenderer.Render(ScorecardFixtures.Huge, [Turn(0, Speaker.Candidate, hostile)]);

        Assert.DoesNotMatch(@"(?<!\\)<img", md);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("[win](", md, StringComparison.Ordinal);
        Assert.DoesNotContain("[click](", md, StringComparison.Ordinal);
        Assert.Contains(@"\<img src=x onerror=alert(1)\> \[win\](http://evil.example) \| col", md, StringComparison.Ordinal);
    }
}
