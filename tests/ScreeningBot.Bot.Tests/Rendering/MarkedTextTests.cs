using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Rendering;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>
/// Untrusted values in command answers (<see cref="MarkedText"/>): marked where the text is built, inert in each channel's
/// format, the answer's own formatting kept, and the marks never shown. Markdown is read with a CommonMark parser.
/// </summary>
public sealed class MarkedTextTests
{
    private const string Name = "Mallory " + ScorecardFixtures.Payload;

    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().Build();

    private static string Answer(string name, string title) =>
        $"Invited @{MarkedText.Untrusted(name)} to the *{MarkedText.Untrusted(title)}* screen (`iv-1`).";

    [Fact]
    public void Render_TeamsMarkdown_ValueReadsAsTypedAndOnlyTheAnswersOwnBoldAndCodeAreLive()
    {
        var text = MarkedText.Render(Answer(Name, "Backend *Go* Dev"), TeamsText.ToTeamsMarkdown, ReportText.InertMarkdown);

        var inlines = Markdown.Parse(text, CommonMark).Descendants<Inline>().ToArray();
        Assert.DoesNotContain(inlines, i => i is LinkInline or AutolinkInline or HtmlInline);
        var bold = Assert.Single(inlines.OfType<EmphasisInline>(), e => e.Parent is not EmphasisInline);
        Assert.Equal(2, bold.DelimiterCount);
        Assert.Equal("Backend *Go* Dev", Literal(bold));
        Assert.Equal("iv-1", Assert.Single(inlines.OfType<CodeInline>()).Content);
        Assert.Equal($"Invited @{Name} to the Backend *Go* Dev screen (iv-1).", Markdown.ToPlainText(text, CommonMark).Trim());
    }

    [Fact]
    public void Render_SlackMrkdwn_NoLinkMentionOrFormattingPairFromTheValue()
    {
        var text = MarkedText.Render(Answer(Name, "Backend Developer"), SlackMrkdwn.Escape, SlackMrkdwn.Inert);

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*urgent*", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_now_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`code`", text, StringComparison.Ordinal);
        Assert.Contains("*Backend Developer*", text, StringComparison.Ordinal);
        Assert.Equal($"Invited @{Name} to the *Backend Developer* screen (`iv-1`).", SlackMrkdwn.Unescape(text.Replace(SlackMrkdwn.ZeroWidthSpace.ToString(), string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void Untrusted_ValueCarryingTheMarks_CannotEndItsSpanEarly()
    {
        var forged = $"x{MarkedText.Close}[HR](https://attacker.example){MarkedText.Open}y";

        var text = MarkedText.Render("Hi " + MarkedText.Untrusted(forged), t => t, ReportText.InertMarkdown);

        Assert.Equal(@"Hi x\[HR\](https://attacker.example)y", text);
    }

    [Theory]
    [InlineData("a\uFFF9b", "[a<b>]")]
    [InlineData("a\uFFFBb", "[ab]")]
    [InlineData("\uFFFB\uFFF9", "[<>]")]
    public void Render_StrayMarks_AreNeverShownAndAnUnendedSpanStaysUntrusted(string text, string expected)
    {
        Assert.Equal(expected, MarkedText.Render(text, t => "[" + t + "]", v => "<" + v + ">"));
    }

    [Fact]
    public void Plain_RemovesTheMarksAndKeepsTheValueAsTyped()
    {
        Assert.Equal($"Invited @{Name} to the *Backend* screen (`iv-1`).", MarkedText.Plain(Answer(Name, "Backend")));
    }

    [Fact]
    public void InCode_BacktickAndLineBreak_CannotEndTheCodeSpan()
    {
        Assert.Equal("\"Jane' [x](y) Doe\"", MarkedText.InCode("\"Jane` [x](y)\nDoe\""));
    }

    [Fact]
    public void Scorecard_TeamsSummaryLine_NameAndTitleReadAsTyped()
    {
        var text = ReplyActivities.Scorecard("msteams", ScorecardFixtures.Hostile)[0].Text!;

        var inlines = Markdown.Parse(text, CommonMark).Descendants<Inline>().ToArray();
        Assert.DoesNotContain(inlines, i => i is LinkInline or AutolinkInline or HtmlInline or CodeInline);
        Assert.Equal("Screening scorecard", Literal(Assert.Single(inlines.OfType<EmphasisInline>())));
        Assert.Contains(Name, Markdown.ToPlainText(text, CommonMark), StringComparison.Ordinal);
    }

    private static string Literal(ContainerInline inline) => string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
