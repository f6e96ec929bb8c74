using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;

namespace ScreeningBot.Bot.Tests.Commands;

/// <summary>
/// Checks that a command answer quoting <see cref="Rendering.ScorecardFixtures.Payload"/> shows it as typed and inert on every channel:
/// as Teams sends it (Markdown, read with a CommonMark parser) and as Slack gets it (Block Kit mrkdwn).
/// </summary>
internal static class InertReplies
{
    private static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().Build();

    public static void AssertInertEverywhere(CommandResponse response, string hostile)
    {
        Assert.Contains(hostile, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(MarkedText.Open, response.Text);

        var teams = Assert.Single(ReplyActivities.FromCommandResponse("msteams", response.Marked, null)).Text!;
        AssertInertMarkdown(teams);
        Assert.Contains(hostile, Markdown.ToPlainText(teams, CommonMark), StringComparison.Ordinal);

        var slack = BlockKitRenderer.RenderText(response.Marked);
        var texts = slack.Blocks.Select(b => (string)b!["text"]!["text"]!).Append(slack.Text).ToArray();
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("<", t, StringComparison.Ordinal);
            Assert.DoesNotContain(MarkedText.Open, t);
            Assert.DoesNotContain("*urgent*", t, StringComparison.Ordinal);
            Assert.DoesNotContain("_now_", t, StringComparison.Ordinal);
            Assert.DoesNotContain("`code`", t, StringComparison.Ordinal);
        });
        Assert.Contains(hostile, SlackMrkdwn.Unescape(string.Join("\n", texts[..^1]).Replace(SlackMrkdwn.ZeroWidthSpace.ToString(), string.Empty, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    /// <summary>No link, HTML, and no emphasis or code made of the payload's words; the answer's own bold and code may stay.</summary>
    public static void AssertInertMarkdown(string markdown)
    {
        Assert.DoesNotContain(MarkedText.Open, markdown);
        var inlines = Markdown.Parse(markdown, CommonMark).Descendants<Inline>().ToArray();
        Assert.DoesNotContain(inlines, i => i is LinkInline or AutolinkInline or HtmlInline);
        Assert.DoesNotContain(inlines.OfType<EmphasisInline>(), e => Literal(e) is "urgent" or "now" or "bold");
        Assert.DoesNotContain(inlines.OfType<CodeInline>(), c => c.Content == "code");
    }

    private static string Literal(ContainerInline inline) => string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
