using System.Text.Json.Nodes;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>
/// A candidate's words never become a link, a mention, emphasis or markup on a scorecard (issue 21): one hostile answer
/// set (<see cref="ScorecardFixtures.Hostile"/>) through every renderer. Markdown is read with a CommonMark parser, as the
/// clients read it.
/// </summary>
public sealed class InertCandidateTextTests
{
    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static readonly TranscriptTurn[] Transcript =
    [
        new() { InterviewId = "iv-1", Sequence = 0, Timestamp = DateTimeOffset.UnixEpoch, Speaker = Speaker.Candidate, Phase = Dialogs.Waterfall.Phase.CustomQuestions, QuestionId = "db", Text = ScorecardFixtures.Payload },
    ];

    [Fact]
    public void AdaptiveCard_HostileAnswers_NoTextBlockOrFactHasALinkEmphasisOrMarkup()
    {
        var card = AdaptiveCardRenderer.Render(ScorecardFixtures.Hostile);

        var texts = Strings(card, "text", "title", "value").ToArray();
        Assert.Contains(texts, t => t.Contains("attacker.example", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Empty(ActiveInlines(Markdown.Parse(t, CommonMark))));
    }

    [Fact]
    public void AdaptiveCard_HostileAnswers_ReadAsTyped()
    {
        var card = AdaptiveCardRenderer.Render(ScorecardFixtures.Hostile);

        var quote = Strings(card, "text").Single(t => t.StartsWith('“'));
        Assert.Equal("“" + ScorecardFixtures.Payload + "”", Plain(quote));
    }

    [Fact]
    public void DecisionPanel_HostileNameInTheFeedbackPreview_OnlyInTextRunsAndReadAsTyped()
    {
        var card = DecisionPanel.AdaptiveCard(ScorecardFixtures.Hostile, FeedbackCards.Decided, FeedbackCards.Preview);

        var feedback = card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == "feedback");
        var runs = feedback["items"]!.AsArray().Select(i => Assert.Single(i!["inlines"]!.AsArray())!).ToArray();
        Assert.All(runs, r => Assert.Equal("TextRun", (string?)r["type"]));
        Assert.Equal(FeedbackCards.Text, string.Join("\n\n", runs.Skip(1).Select(r => (string)r["text"]!)));
        Assert.Contains(ScorecardFixtures.Payload, FeedbackCards.Text, StringComparison.Ordinal);
        var send = card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == "feedback-send")["actions"]![0]!;
        Assert.DoesNotContain("attacker", send.ToJsonString(), StringComparison.Ordinal);
        Assert.All(Strings(card, "text").Where(t => t.Contains("attacker.example", StringComparison.Ordinal) && !runs.Any(r => (string)r["text"]! == t)), t => Assert.Empty(ActiveInlines(Markdown.Parse(t, CommonMark))));
    }

    [Fact]
    public void BlockKit_HostileAnswers_NoMentionLinkOrFormattingPair()
    {
        var messages = BlockKitRenderer.RenderScorecard(ScorecardFixtures.Hostile);

        var headers = messages.SelectMany(m => m.Blocks).Where(b => (string?)b!["type"] == "header").SelectMany(b => Strings(b, "text")).ToArray();
        var texts = messages.SelectMany(m => m.Blocks).Where(b => (string?)b!["type"] != "header").SelectMany(b => Strings(b, "text")).Append(messages[0].Text).ToArray();
        Assert.Contains(texts, t => t.Contains("attacker.example", StringComparison.Ordinal));
        Assert.All(headers, h => Assert.DoesNotContain("<", h, StringComparison.Ordinal));
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("<", t, StringComparison.Ordinal);
            Assert.DoesNotContain("*urgent*", t, StringComparison.Ordinal);
            Assert.DoesNotContain("_now_", t, StringComparison.Ordinal);
            Assert.DoesNotContain("`code`", t, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void MarkdownReport_HostileAnswers_NoLinkEmphasisOrHtmlFromTheCandidate()
    {
        var md = MarkdownReportRenderer.Render(ScorecardFixtures.Hostile, Transcript);

        var inlines = ActiveInlines(Markdown.Parse(md, CommonMark)).ToArray();
        Assert.Contains("attacker.example", md, StringComparison.Ordinal);
        Assert.DoesNotContain(inlines, i => i is LinkInline or AutolinkInline or HtmlInline);
        Assert.DoesNotContain(inlines.OfType<CodeInline>(), c => c.Content == "code");
        Assert.DoesNotContain(inlines.OfType<EmphasisInline>(), e => Plain(e) is "urgent" or "now");
    }

    [Fact]
    public void HtmlReport_HostileAnswers_NoAnchorOrMarkupFromTheCandidate()
    {
        var html = HtmlReportRenderer.Render(ScorecardFixtures.Hostile, Transcript);

        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<strong>urgent", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>now", html, StringComparison.Ordinal);
        Assert.Contains("[HR portal](https://attacker.example/login)", html, StringComparison.Ordinal);
    }

    /// <summary>Inlines that would make a reader see something other than the characters typed: links, emphasis, code, HTML.</summary>
    private static IEnumerable<Inline> ActiveInlines(MarkdownDocument document) =>
        document.Descendants<Inline>().Where(i => i is LinkInline or AutolinkInline or HtmlInline or CodeInline or EmphasisInline);

    private static string Plain(string markdown) => Markdown.ToPlainText(markdown, CommonMark).Trim();

    private static string Plain(ContainerInline inline) => string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static IEnumerable<string> Strings(JsonNode? node, params string[] keys) => node switch
    {
        JsonObject obj => obj.SelectMany(p => keys.Contains(p.Key) && p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? [s] : Strings(p.Value, keys)),
        JsonArray array => array.SelectMany(n => Strings(n, keys)),
        _ => [],
    };
}
